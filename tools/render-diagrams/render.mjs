// Renders every processes/*.bpmn to docs/img/<name>.svg with bpmn-js (the renderer inside Camunda Modeler and
// Cockpit) in headless Chromium, so docs/processes.md shows the diagrams as a process owner sees them.
//
//   npm ci && npm run render                    write docs/img/*.svg
//   npm run render -- --png /tmp/diagrams       also a PNG of each, to look at
//
// Each SVG starts with a comment naming its source and the source's SHA-256 (line endings normalised), so a
// test can tell a picture older than its model. The run also reports every external label whose text, as
// bpmn-js draws it (wrapped at the width of its BPMNLabel bounds), is larger than those bounds: such a label
// runs over what lies beside it, though the bounds look free. Exit code 1 on any such label or import warning.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const processes = join(root, 'processes');
const output = join(root, 'docs/img');
const args = process.argv.slice(2);
const pngDir = args.includes('--png') ? resolve(args[args.indexOf('--png') + 1]) : null;
// Glyphs may reach a pixel or two past the bounds Modeler computes; more than that is a label that overflows.
const LABEL_TOLERANCE = 2;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  // No background networking: the machine's closed network refuses Chromium's own connections.
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run']
});
let problems = 0;
try {
  const page = await browser.newPage();
  await page.setContent('<div id="canvas" style="width:1600px;height:1000px"></div>');
  await page.addScriptTag({ path: join(here, 'node_modules/bpmn-js/dist/bpmn-viewer.production.min.js') });
  mkdirSync(output, { recursive: true });
  for (const file of readdirSync(processes).filter(name => name.endsWith('.bpmn')).sort()) {
    const xml = readFileSync(join(processes, file), 'utf8');
    const result = await page.evaluate(async ({ xml, tolerance }) => {
      document.getElementById('canvas').innerHTML = '';
      const viewer = new BpmnJS({ container: '#canvas' });
      const { warnings } = await viewer.importXML(xml);
      // The text as drawn (bpmn-js wraps it at the label's width) must fit the label's bounds.
      const registry = viewer.get('elementRegistry');
      const misfits = registry.filter(element => element.type === 'label' && element.businessObject.name)
        .map(label => {
          const text = registry.getGraphics(label).querySelector('text');
          const box = text ? text.getBBox() : { width: 0, height: 0 };
          return { id: label.businessObject.id, name: label.businessObject.name, width: label.width,
            height: label.height, lines: text ? text.querySelectorAll('tspan').length : 0,
            textWidth: Math.ceil(box.width), textHeight: Math.ceil(box.height) };
        })
        .filter(l => l.textWidth > l.width + tolerance || l.textHeight > l.height + tolerance);
      const { svg } = await viewer.saveSVG();
      viewer.destroy();
      return { svg, warnings: warnings.map(w => w.message), misfits };
    }, { xml, tolerance: LABEL_TOLERANCE });
    const name = basename(file, '.bpmn');
    // bpmn-js names arrow-head markers at random; numbered in order, an unchanged model gives an unchanged file.
    const markers = new Map();
    for (const [, id] of result.svg.matchAll(/<marker id="([^"]+)"/g)) {
      markers.set(id, `marker-${markers.size + 1}`);
    }
    const stable = result.svg.replace(/marker-[a-z0-9]+/g, id => markers.get(id) || id);
    const hash = createHash('sha256').update(xml.replace(/\r\n/g, '\n')).digest('hex');
    const svg = stable.replace(/^(<\?xml[^>]*\?>\s*)?/, match =>
      `${match}<!-- Rendered by tools/render-diagrams from processes/${file}, source sha256 ${hash}. `
      + 'Do not edit: change the BPMN and run npm run render there. -->\n');
    writeFileSync(join(output, `${name}.svg`), svg);
    console.log(`docs/img/${name}.svg from processes/${file}`);
    for (const warning of result.warnings) {
      console.log(`  import warning: ${warning}`);
      problems++;
    }
    for (const m of result.misfits) {
      console.log(`  label of ${m.id} ("${m.name}") is ${m.width}x${m.height}; its text, drawn in `
        + `${m.lines} line(s), takes ${m.textWidth}x${m.textHeight}`);
      problems++;
    }
    if (pngDir) {
      mkdirSync(pngDir, { recursive: true });
      const picture = await browser.newPage();
      await picture.setContent(`<body style="margin:0;background:#fff">${svg}</body>`);
      await picture.locator('svg').first().screenshot({ path: join(pngDir, `${name}.png`) });
      await picture.close();
      console.log(`  ${join(pngDir, name + '.png')}`);
    }
  }
} finally {
  await browser.close();
}
process.exit(problems ? 1 : 0);
