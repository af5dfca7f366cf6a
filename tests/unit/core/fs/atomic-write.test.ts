import { readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readJsonFile, writeJsonAtomic, writeNewFile } from '../../../../electron/core/fs/atomic-write';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();
const schema = z.object({ name: z.string() });

describe('JSON files', () => {
  it('are written whole, leaving no temp file next to them', async () => {
    const dir = tempDir();
    await writeJsonAtomic(path.join(dir, 'a.json'), { name: 'first' });
    await writeJsonAtomic(path.join(dir, 'a.json'), { name: 'second' });
    expect(JSON.parse(readFileSync(path.join(dir, 'a.json'), 'utf8'))).toEqual({ name: 'second' });
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('say clearly what is wrong with a file that cannot be used', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'b.json');
    await expect(readJsonFile(file, schema)).rejects.toMatchObject({ code: 'not-found' });
    writeFileSync(file, '{ "name": ');
    await expect(readJsonFile(file, schema)).rejects.toMatchObject({ code: 'io', message: `${file} is not valid JSON.` });
    writeFileSync(file, '{ "name": 3 }');
    await expect(readJsonFile(file, schema)).rejects.toMatchObject({ code: 'io', message: `${file} is not in the expected format (name).` });
    writeFileSync(file, '{ "name": "ok" }');
    expect(await readJsonFile(file, schema)).toEqual({ name: 'ok' });
  });
});

describe('new files of a staging folder', () => {
  it('are written where they go, and never over or through what is already there', async () => {
    const dir = tempDir();
    await writeNewFile(path.join(dir, 'content.html'), '<p>text</p>');
    expect(readFileSync(path.join(dir, 'content.html'), 'utf8')).toBe('<p>text</p>');
    expect(readdirSync(dir)).toEqual(['content.html']);
    await expect(writeNewFile(path.join(dir, 'content.html'), 'again')).rejects.toMatchObject({ code: 'EEXIST' });
    const outside = path.join(tempDir(), 'outside.txt');
    writeFileSync(outside, 'kept');
    symlinkSync(outside, path.join(dir, 'link.txt'));
    await expect(writeNewFile(path.join(dir, 'link.txt'), 'through the link')).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(outside, 'utf8')).toBe('kept');
    expect(readFileSync(path.join(dir, 'content.html'), 'utf8')).toBe('<p>text</p>');
  });
});
