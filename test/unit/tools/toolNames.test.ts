import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { TOOL_NAMES } from '../../../src/tools/toolNames';

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
      if (tool.name !== 'megaapi_list_instances') assert.ok(tool.inputSchema?.required?.includes('key'), tool.name);
    }
  });
});
