import { summarise } from '../api/errors';
import { InstanceRef } from '../core/instanceRef';
import { serverText } from '../core/serverText';
import { lastingProblem, problemText } from '../text/instanceState';
import { Translate } from '../text/translate';
import { Step, Verdict } from './deepCheck';

/** A duration as a person reads it: "340 ms", "1.2 s". */
export function duration(ms: number): string {
  return ms < 1000 ? `${Math.max(0, Math.round(ms))} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function verdictText(verdict: Verdict, instance: InstanceRef, t: Translate): string {
  switch (verdict) {
    case 'working':
      return t('MegaAPI: {0} is linked and working.', instance.key);
    case 'silent':
      return t('MegaAPI: {0} says it is connected but does not answer.', instance.key);
    case 'notLinked':
      return t('MegaAPI: {0} is not linked to WhatsApp.', instance.key);
    case 'unknown':
      return t('MegaAPI: Deep Check could not tell whether {0} works.', instance.key);
  }
}

/** One step in a few words with its time; server words pass through `serverText`. */
export function stepText(step: Step, t: Translate): string {
  const time = duration(step.ms);
  const outcome = step.outcome;
  const failed = (what: string) => {
    const problem = outcome.kind === 'failed' ? lastingProblem(outcome.error.kind) : undefined;
    const why =
      outcome.kind === 'failed' ? (problem ? problemText(problem, t) : serverText(summarise(outcome.error), 60)) : '';
    return t('{0}: failed, {1} ({2})', what, why, time);
  };
  switch (step.name) {
    case 'status':
      if (outcome.kind === 'connected') return t('Status: connected ({0})', time);
      if (outcome.kind === 'notLinked') return t('Status: "{0}" ({1})', serverText(outcome.state, 60), time);
      return failed(t('Status'));
    case 'number':
      if (outcome.kind === 'answered') {
        return outcome.yes
          ? t('Own number on WhatsApp: yes ({0})', time)
          : t('Own number on WhatsApp: no answer ({0})', time);
      }
      return failed(t('Own number on WhatsApp'));
    case 'events':
      if (outcome.kind === 'eventArrived') return t('Event round trip: the message came back ({0})', time);
      if (outcome.kind === 'noEvent') return t('Event round trip: no event within {0}', duration(outcome.waitedMs));
      return failed(t('Event round trip'));
  }
}
