import { useEffect, useRef, useState } from 'react';
import { filesFromDrop, type PickedFile } from './dropped-files';

const carriesFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') ?? false;

/**
 * Accepts files and folders dropped anywhere on the window. Returns whether files are being
 * dragged over it, so a drop overlay can show. Drops of anything but files are left alone.
 * `onFilesNear` is called once as files start being dragged over the window (the import can get
 * ready while the user aims).
 */
export function useFileDrop(onFiles: (files: PickedFile[]) => void, onFilesNear: () => void): boolean {
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  const handler = useRef(onFiles);
  const near = useRef(onFilesNear);
  useEffect(() => {
    handler.current = onFiles;
    near.current = onFilesNear;
  }, [onFiles, onFilesNear]);

  useEffect(() => {
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth.current += 1;
      if (depth.current === 1) near.current();
      setDragging(true);
    };
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event) || !event.dataTransfer) return;
      // Without this the browser would navigate to the dropped file.
      event.preventDefault();
      depth.current = 0;
      setDragging(false);
      void filesFromDrop(event.dataTransfer).then((files) => {
        if (files.length > 0) handler.current(files);
      });
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  return dragging;
}
