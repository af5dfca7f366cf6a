// Renders every icon electron-builder needs from the one vector source, build/icon.svg:
// build/icon.icns (macOS), build/icon.ico (Windows), build/icons/<N>x<N>.png (Linux) and
// resources/icon.png (the window icon at runtime). Run after changing the SVG: `npm run icons`.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import iconGen from 'icon-gen';
import sharp from 'sharp';

const svg = path.resolve('build/icon.svg');
const linuxSizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

await iconGen(svg, 'build', {
  report: false,
  ico: { name: 'icon', sizes: [16, 24, 32, 48, 64, 128, 256] },
  icns: { name: 'icon', sizes: [16, 32, 64, 128, 256, 512, 1024] },
});

rmSync('build/icons', { recursive: true, force: true });
mkdirSync('build/icons', { recursive: true });
for (const size of linuxSizes) {
  await sharp(svg, { density: Math.max(72, (72 * size) / 1024 * 4) }).resize(size, size).png().toFile(`build/icons/${size}x${size}.png`);
}
copyFileSync('build/icons/512x512.png', 'resources/icon.png');
console.log('icons written: build/icon.icns, build/icon.ico, build/icons/*.png, resources/icon.png');
