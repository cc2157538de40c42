/** A message event as MegaAPI sends one, numbered. */
export function eventBody(i: number): string {
  return JSON.stringify({
    instance_key: 'megastart-bench1',
    jid: '5511999990000@s.whatsapp.net',
    messageType: 'conversation',
    key: { remoteJid: '5511988887777@s.whatsapp.net', fromMe: false, id: `BENCH${String(i).padStart(8, '0')}` },
    pushName: 'Bench Sender',
    messageTimestamp: 1764720000 + i,
    message: { conversation: `bench event ${i}: ${'lorem ipsum dolor sit amet '.repeat(8)}` },
  });
}
