// Checks the documentation mechanically (`node scripts/check-docs.mjs [<git ref of an older README>]`):
// 1. every relative link in README.md and docs/**/*.md reaches an existing file, and its #anchor a
//    heading there (GitHub's slugs), so moving a section never leaves a dead link behind;
// 2. with a git ref: nothing of that README was lost — each of its non-empty lines is in today's
//    README.md or docs/**/*.md, compared without heading marks and link targets (a moved section
//    becomes a page title, and its links point elsewhere).
// Exits 1 naming each problem.
/* global process, console */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function markdownFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

const pages = [join(root, 'README.md'), ...markdownFiles(join(root, 'docs'))];
const problems = [];

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading) {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(file) {
  let inCode = false;
  const anchors = new Set();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('```')) inCode = !inCode;
    const heading = !inCode && /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) anchors.add(slug(heading[1]));
  }
  return anchors;
}

for (const page of pages) {
  const text = readFileSync(page, 'utf8').replace(/```[\s\S]*?```/g, '');
  for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    if (/^[a-z]+:/i.test(target)) continue; // https:, mailto:
    const [path, anchor] = target.split('#');
    const file = path ? resolve(dirname(page), path) : page;
    if (!existsSync(file)) {
      problems.push(`${relative(root, page)}: link to a missing file: ${target}`);
      continue;
    }
    if (anchor && file.endsWith('.md') && !anchorsOf(file).has(anchor))
      problems.push(`${relative(root, page)}: link to a missing heading: ${target}`);
  }
}

const oldRef = process.argv[2];
if (oldRef) {
  const normalize = (line) =>
    line
      .trim()
      .replace(/^#{1,6}\s+/, '')
      .replace(/\]\([^)]*\)/g, ']()')
      .replace(/\s+/g, ' ');
  const today = new Set(pages.flatMap((page) => readFileSync(page, 'utf8').split('\n').map(normalize)));
  const old = execFileSync('git', ['show', `${oldRef}:README.md`], { cwd: root, encoding: 'utf8' }).split('\n');
  let checked = 0;
  old.forEach((line, index) => {
    const wanted = normalize(line);
    if (!wanted) return;
    checked += 1;
    if (!today.has(wanted)) problems.push(`README.md@${oldRef}:${index + 1} is nowhere today: ${line}`);
  });
  console.log(`${checked} non-empty lines of README.md@${oldRef} checked`);
}

for (const problem of problems) console.log(problem);
console.log(problems.length === 0 ? 'docs: OK' : `docs: ${problems.length} problem(s)`);
process.exit(problems.length === 0 ? 0 : 1);
