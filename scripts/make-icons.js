// Draws the kiosk's app icons (the favicon's "e" in a saffron ring, on the kiosk's blue) as PNG
// files for the web app manifest: node scripts/make-icons.js. No image library is needed: each
// pixel is computed, anti-aliased by 4×4 supersampling, and written with zlib.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { root } from './setup.js';

const BLUE = [8, 58, 102];
const SAFFRON = [232, 113, 10];
const WHITE = [255, 255, 255];

/** The colour at a point of the unit square (0..1), the icon's content filling `scale` of it. */
function colourAt(x, y, scale) {
	const dx = (x - 0.5) / scale;
	const dy = (y - 0.5) / scale;
	const r = Math.hypot(dx, dy);
	if (r > 0.47) return BLUE;
	if (r > 0.4) return SAFFRON;
	// The letter "e": a ring with a bar across the middle and its lower right opened.
	const ringOuter = 0.25;
	const ringInner = 0.17;
	const angle = Math.atan2(dy, dx);
	const inRing = r <= ringOuter && r >= ringInner && !(angle > 0.1 && angle < 0.9);
	const inBar = Math.abs(dy) <= 0.035 && Math.abs(dx) <= ringInner + 0.01;
	return inRing || inBar ? BLUE : WHITE;
}

function crc32(bytes) {
	let crc = ~0;
	for (const byte of bytes) {
		crc ^= byte;
		for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
	}
	return ~crc >>> 0;
}

function chunk(type, data) {
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}

function png(size, scale) {
	const rows = [];
	const samples = 4;
	for (let py = 0; py < size; py++) {
		const row = Buffer.alloc(1 + size * 3);
		for (let px = 0; px < size; px++) {
			const sum = [0, 0, 0];
			for (let sy = 0; sy < samples; sy++) {
				for (let sx = 0; sx < samples; sx++) {
					const colour = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size, scale);
					for (let channel = 0; channel < 3; channel++) sum[channel] += colour[channel];
				}
			}
			for (let channel = 0; channel < 3; channel++) row[1 + px * 3 + channel] = Math.round(sum[channel] / samples ** 2);
		}
		rows.push(row);
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header.set([8, 2, 0, 0, 0], 8);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(Buffer.concat(rows))),
		chunk('IEND', Buffer.alloc(0))
	]);
}

const icons = path.join(root, 'static', 'icons');
writeFileSync(path.join(icons, 'icon-192.png'), png(192, 1));
writeFileSync(path.join(icons, 'icon-512.png'), png(512, 1));
// Maskable: the platform may crop to a circle or squircle, so the content keeps to the safe zone.
writeFileSync(path.join(icons, 'icon-maskable-512.png'), png(512, 0.8));
