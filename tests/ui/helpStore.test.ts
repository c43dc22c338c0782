/** The Help as shown (src/ui/helpStore.ts): which page, open or not, and who hears of a change. */
import { describe, expect, it } from 'vitest';
import { createHelpStore, ruleTopic, topicRule } from '../../src/ui/helpStore.ts';

describe('the Help store', () => {
  it('opens at the keyboard shortcuts, then where it was left', () => {
    const help = createHelpStore();
    expect(help.getState()).toEqual({ open: false, topic: 'shortcuts' });
    help.open();
    expect(help.getState()).toEqual({ open: true, topic: 'shortcuts' });
    help.show(ruleTopic('preamble-ending'));
    help.close();
    expect(help.getState()).toEqual({ open: false, topic: 'rule:preamble-ending' });
    help.open();
    expect(help.getState()).toEqual({ open: true, topic: 'rule:preamble-ending' });
  });

  it("opens straight at a rule's page (About this rule) and reads the rule back from the page", () => {
    const help = createHelpStore();
    help.open(ruleTopic('also-further'));
    expect(help.getState()).toEqual({ open: true, topic: 'rule:also-further' });
    expect(topicRule(help.getState().topic)).toBe('also-further');
    expect(topicRule('checks')).toBeUndefined();
  });

  it('tells its listeners of each change, once, and not after they leave', () => {
    const help = createHelpStore();
    const heard: string[] = [];
    const leave = help.subscribe(() => heard.push(`${help.getState().open} ${help.getState().topic}`));
    help.open('checks');
    help.open('checks');
    help.show('checks');
    help.close();
    leave();
    help.open();
    expect(heard).toEqual(['true checks', 'false checks']);
  });
});
