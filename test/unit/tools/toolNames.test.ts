import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { TOOLS } from '../../../src/tools/toolTable';
import { TOOL_NAMES } from '../../../src/tools/toolNames';
import { toolDeps } from './fakes';

interface ToolContribution {
  name: string;
  displayName: string;
  modelDescription: string;
  userDescription?: string;
  toolReferenceName?: string;
  canBeReferencedInPrompt?: boolean;
  inputSchema?: { properties?: Record<string, { description?: string }>; required?: string[] };
}

describe('agent tools: the manifest', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
    contributes: { languageModelTools: ToolContribution[] };
  };
  const english = JSON.parse(readFileSync('package.nls.json', 'utf8')) as Record<string, string>;
  const tools = manifest.contributes.languageModelTools;

  it('declares exactly the tools the code registers, named megaapi_{verb}_{noun}', () => {
    assert.deepEqual(tools.map((tool) => tool.name).sort(), [...TOOL_NAMES].sort());
    for (const tool of tools) assert.match(tool.name, /^megaapi_[a-z]+_[a-z_]+$/);
  });

  it('localises what users and models read, and offers the tools to agent mode', () => {
    const localised = (value: string | undefined) => /^%[^%]+%$/.test(value ?? '') && value!.slice(1, -1) in english;
    for (const tool of tools) {
      assert.ok(localised(tool.displayName), `${tool.name} displayName`);
      assert.ok(localised(tool.modelDescription), `${tool.name} modelDescription`);
      assert.ok(localised(tool.userDescription), `${tool.name} userDescription`);
      assert.equal(tool.canBeReferencedInPrompt, true, tool.name);
      assert.match(tool.toolReferenceName ?? '', /^[\w-]+$/);
      for (const [name, property] of Object.entries(tool.inputSchema?.properties ?? {})) {
        assert.ok(localised(property.description), `${tool.name}.${name}`);
      }
      const anyInstance = ['megaapi_list_instances', 'megaapi_recent_events'];
      if (!anyInstance.includes(tool.name)) assert.ok(tool.inputSchema?.required?.includes('key'), tool.name);
    }
  });

  // One definition, two surfaces: Copilot reads the manifest, MCP clients the code. They must say the same.
  it('holds, in English, the description and input schema each tool has in code', () => {
    const deps = toolDeps();
    const resolve = (value: unknown): unknown =>
      typeof value === 'string' && /^%[^%]+%$/.test(value)
        ? english[value.slice(1, -1)]
        : Array.isArray(value)
          ? value.map(resolve)
          : typeof value === 'object' && value !== null
            ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]))
            : value;
    for (const tool of tools) {
      const spec = TOOLS[tool.name as keyof typeof TOOLS](deps);
      assert.equal(resolve(tool.modelDescription), spec.description, tool.name);
      assert.deepEqual(resolve(tool.inputSchema), spec.inputSchema, tool.name);
      assert.match(spec.description, /untrusted/, tool.name);
    }
  });
});
