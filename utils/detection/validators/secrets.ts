import { shannonEntropy } from './checksums';

/**
 * Credential shapes that are unmistakable on their own (vendor prefixes,
 * structure), from gitleaks' rules and screenpipe's SECRET_PATTERNS, plus a
 * generic rule: a key word, an assignment and a high-entropy value.
 */
export type SecretKind =
  | 'aws-access-key'
  | 'github-token'
  | 'slack-token'
  | 'stripe-secret-key'
  | 'google-api-key'
  | 'google-oauth-token'
  | 'openai-style-key'
  | 'huggingface-token'
  | 'gitlab-token'
  | 'npm-token'
  | 'pypi-token'
  | 'sendgrid-key'
  | 'shopify-token'
  | 'digitalocean-token'
  | 'atlassian-token'
  | 'square-token'
  | 'azure-storage-key'
  | 'jwt'
  | 'pem-private-key'
  | 'database-url'
  | 'bearer-token'
  | 'password-assignment'
  | 'pin-assignment'
  | 'one-time-code-assignment'
  | 'recovery-codes'
  | 'bitlocker-recovery-key'
  | 'generic-secret';

const SECRET_SHAPES: ReadonlyArray<readonly [SecretKind, RegExp]> = [
  ['pem-private-key', /-----BEGIN (?:[A-Z]+ )*PRIVATE KEY(?: BLOCK)?-----/],
  ['aws-access-key', /\b(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}\b/],
  ['github-token', /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/],
  [
    'slack-token',
    /\b(?:xox[abposr]-[A-Za-z0-9-]{10,}|hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]+)/,
  ],
  ['stripe-secret-key', /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}\b|\bwhsec_[A-Za-z0-9]{20,}\b/],
  ['google-api-key', /\bAIza[0-9A-Za-z_-]{35}\b/],
  ['google-oauth-token', /\bya29\.[0-9A-Za-z_-]{20,}/],
  ['openai-style-key', /\bsk-(?:proj-|ant-(?:api\d\d-)?|svcacct-)?[A-Za-z0-9_-]{20,}\b/],
  ['huggingface-token', /\bhf_[A-Za-z]{30,}\b/],
  ['gitlab-token', /\bgl(?:pat|dt|rt|ptt|cbt|soat)-[0-9A-Za-z_-]{20,}/],
  ['npm-token', /\bnpm_[A-Za-z0-9]{36}\b/],
  ['pypi-token', /\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}/],
  ['sendgrid-key', /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/],
  ['shopify-token', /\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\b/],
  ['digitalocean-token', /\bdo[por]_v1_[a-f0-9]{64}\b/],
  ['atlassian-token', /\bATATT3[A-Za-z0-9_=-]{150,}/],
  ['square-token', /\b(?:EAAA[A-Za-z0-9_-]{60}|sq0(?:atp|csp)-[0-9A-Za-z_-]{22,43})/],
  ['azure-storage-key', /\b(?:AccountKey|SharedAccessKey)=[A-Za-z0-9+/]{40,}={0,2}/],
  ['jwt', /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/],
  [
    'database-url',
    /\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|mssql|sqlserver):\/\/[^\s:/@]+:[^\s@/]+@/i,
  ],
  ['bearer-token', /\bBearer\s+[A-Za-z0-9._~+/-]{20,}=*/],
];

// A password's name in the languages Tally reads notes in, and the short forms people type.
const PASSWORD_WORD =
  '(?<![\\p{L}\\p{N}])(?:password|passwd|passcode|pwd|pw|contrase(?:n|ñ)a|passwort|kennwort|mot de passe|senha|wachtwoord|has[lł]o|lozinka|heslo|salasana|l[oö]senord|passord|пароль|[sş]ifre)';
// "password: hunter22", "Passwort: Sommer2026!": the value after a password word and a colon is
// a password whatever its entropy, unless it says what state the password is in.
const PASSWORD_ASSIGNMENT = new RegExp(`${PASSWORD_WORD}(?: is)?\\s*[:=]\\s*["']?(\\S{4,})`, 'iu');
// "my password is fluffy99", "Das Kennwort ist Blau#4711", "a senha é Azul@2026": the word after
// the verb, unless it says what state the password is in ("my password is expired").
const PASSWORD_STATED = new RegExp(
  `${PASSWORD_WORD}\\s+(?:is|es|ist|est|é|är|er|jest|je)\\s+["']?(\\S{4,})`,
  'iu',
);
const PASSWORD_STATES = new Set([
  ...['expired', 'incorrect', 'wrong', 'required', 'invalid', 'locked', 'correct', 'case'],
  ...['changed', 'reset', 'blank', 'empty', 'weak', 'strong', 'long', 'short', 'saved', 'stored'],
  ...['visible', 'hidden', 'sent', 'needed', 'mandatory', 'optional', 'still', 'being', 'working'],
  ...['valid', 'same', 'different', 'missing', 'known', 'unknown', 'compromised', 'forgotten'],
  ...['lost', 'about', 'going', 'never', 'always', 'only', 'also', 'just', 'case-sensitive'],
  ...['incorrecta', 'invalida', 'inválida', 'obligatoria', 'caducada', 'vencida', 'bloqueada'],
  ...['falsch', 'abgelaufen', 'erforderlich', 'ungültig', 'gesperrt', 'expiré', 'obligatoire'],
  ...['incorreta', 'expirada', 'obrigatória', 'bloqueado', 'bloqué', 'the', 'your', 'their'],
  ...['this', 'that', 'what', 'when', 'from', 'stil', 'immer', 'nicht', 'pas'],
]);
// "la clave del wifi es Caracol#88", "clave de acceso: Sol2026": Spanish "clave" is a password
// only when it says what it opens; "palabra clave" is a keyword, "clave de producto" a code.
const CLAVE_OF_SOMETHING =
  /(?<![\p{L}\p{N}])clave\s+(?:del?\s+)?(?:la\s+)?(?:wifi|wi-fi|acceso|internet|red|banca|correo|cuenta|usuario|sistema|portal|tarjeta)\s*(?:[:=]|es(?![\p{L}]))\s*["']?(\S{4,})/iu;
// "temp password for the new hire: Welcome2026!", "La contraseña del portal es Luna#2026": a
// password word, what it is for, a colon or a verb, and a value with a digit or a symbol
// ("Password for the portal: see the onboarding email" is not one).
const PASSWORD_FOR = new RegExp(
  `${PASSWORD_WORD}\\s+(?:for|to|of|on|para|de|del|für|pour|du|des|do|da)\\s+(?:[^\\s:=]+\\s+){0,3}[^\\s:=]+(?:\\s*[:=]\\s*|\\s+(?:is|es|ist|est|é|era|was)\\s+)["']?(?=\\S*[^\\p{L}\\s])\\S{6,}`,
  'iu',
);
// "user admin / pass Tr0ub4dor&3", "login: jsmith pw Summer#26": a sign-in written as a pair, where
// "pass" is a password's name only after a user's (and the value has a digit or a symbol).
const SIGN_IN_PAIR =
  /(?<![\p{L}\p{N}])(?:user(?:name)?|login|usuario|benutzer(?:name)?|utilisateur|network|ssid|wifi|wi-fi)(?:\s*[:=]\s*|\s+)[^\s/,;|:=]+(?:\s*[/,;|]\s*|\s+)(?:pass|passwd|pwd|pw|password|contrase(?:n|ñ)a|clave|passwort|mot de passe)(?:\s*[:=]\s*|\s+)["']?(?=\S*[^\p{L}\s])\S{4,}/iu;

// "VPN: jdoe / Winter2026!!", "root / P@ssw0rd-db01": a service and a user, or a superuser, then a
// slash and a value with a digit and a symbol, which ends the pair ("Admin / Users / 2024-q3" is a
// path, and so is "a/b/c").
const SERVICE_PAIR =
  /(?<![\p{L}\p{N}])(?:(?:vpn|wifi|wi-fi|ssid|ssh|sftp|ftp|router|db|database|server)(?:\s*[:=]\s*|\s+)[^\s/,;|:=]+|root|admin|administrator|postgres)\s*\/\s*(?=[^\s/]*\d)(?=[^\s/]*[^\p{L}\p{N}\s/])[^\s/]{6,}(?![^\s]|\s+\/)/iu;

const TRAILING_MARKS = new Set([',', '.', ';', ':', '!', '?', '"', "'"]);

/** A word without the marks after it ("expired," → "expired"). */
function withoutTrailingMarks(word: string): string {
  let end = word.length;
  while (end > 0 && TRAILING_MARKS.has(word[end - 1] as string)) end--;
  return word.slice(0, end);
}

/** Whether a pattern's captured value is there and is not a password's state ("expired"). */
function givesAPassword(pattern: RegExp, text: string): boolean {
  const captured = pattern.exec(text)?.[1];
  if (captured === undefined) return false;
  const value = withoutTrailingMarks(captured);
  return value.length >= 4 && !PASSWORD_STATES.has(value.toLowerCase());
}

// "PIN: 4821", "PIN de la tarjeta: 4821": four digits after the word (and what it unlocks). Six
// would be an Indian postcode ("PIN: 560001").
const PIN_ASSIGNMENT =
  /\bPIN(?:\s+(?:de|del|for|of|on)\s+(?:(?:the|my|la|mi|el)\s+)?(?:card|debit card|tarjeta|cuenta|account|phone|tel[eé]fono|sim|cajero|atm)(?:\s+[a-zá-ú]+)?)?\s*(?:[:=#]|\bis\b|\bes\b)\s*\d{4}(?!\d)/i;
// "the 2FA code is 482913", "código de verificación: 5821": a code a person was sent, pasted on.
const ONE_TIME_CODE_ASSIGNMENT =
  /(?<![\p{L}\p{N}])(?:(?:2fa|mfa|otp|one[- ]time|verification|security|authenticator|auth|sms) (?:code|pin|passcode)s?|c[oó]digos? (?:de verificaci[oó]n|de seguridad|otp|sms|2fa))(?:\s*(?:[:=#]|is(?![\p{L}])|es(?![\p{L}]))\s*|\s+)\d{4,8}(?!\d)/iu;
// "Recovery codes: 8f3k-29dj, 1kd9-3kd8": an account's backup codes, each with a digit.
const RECOVERY_CODES =
  /(?<![\p{L}\p{N}])(?:recovery|backup) codes?\s*[:=]\s*(?=[A-Za-z-]*\d)[A-Za-z0-9]{4,}(?:-[A-Za-z0-9]{4,})?/iu;
// gitleaks' generic-api-key: a key word, an assignment, 10–150 characters with entropy ≥ 3.5. The
// key word may be part of an environment variable's name ("GITLAB_TOKEN=", "SENDGRID_API_KEY=").
// The name's parts after the key word are bounded, so a page's "token_token_token_…" costs a
// few steps at each word, not a walk to the end of the text from each (quadratic).
const GENERIC_ASSIGNMENT =
  /(?<![A-Za-z0-9])(?:api[_-]?key|apikey|secret|token|access[_-]?key|auth[_-]?key|client[_-]?secret|private[_-]?key|credential)s?(?:[_.-][A-Za-z0-9]{1,24}){0,4}["']?\s*[:=]\s*["']?([A-Za-z0-9_+/=.~-]{10,150})/i;

// The start of a secret as providers print it, shown as an example in a placeholder ("sk_live_…",
// "ghp_xxxx", a Slack or Discord webhook's address): too short for the shapes above. Not a
// publishable key ("pk_live_").
const SECRET_EXAMPLE =
  /^\s*(?:sk_(?:live|test)_|rk_live_|sk-|gh[pousr]_|github_pat_|xox[abpr]-|AKIA|AIza|https:\/\/hooks\.slack\.com\/services\/|https:\/\/discord(?:app)?\.com\/api\/webhooks\/)/;

// A BitLocker recovery key: eight blocks of six digits, each a multiple of 11 below 11 × 65,536
// (each block stores 16 bits of the key). Read aloud to help desks and pasted into tickets.
const BITLOCKER_KEY = /(?<!\d-?)\d{6}(?:-\d{6}){7}(?!-?\d)/g;
const BITLOCKER_BLOCK_LIMIT = 11 * 65536;

function hasBitLockerKey(text: string): boolean {
  for (const match of text.matchAll(BITLOCKER_KEY)) {
    const blocks = match[0].split('-').map(Number);
    if (blocks.every((block) => block % 11 === 0 && block < BITLOCKER_BLOCK_LIMIT)) return true;
  }
  return false;
}

/** Whether a text begins the way a provider's secret does (an example, not the secret). */
export function startsLikeASecret(text: string): boolean {
  return SECRET_EXAMPLE.test(text);
}

export interface SecretMatch {
  readonly kind: SecretKind;
}

/** The first credential found in a text, if any. */
export function findSecret(text: string): SecretMatch | null {
  for (const [kind, shape] of SECRET_SHAPES) if (shape.test(text)) return { kind };
  if (
    givesAPassword(PASSWORD_ASSIGNMENT, text) ||
    givesAPassword(PASSWORD_STATED, text) ||
    givesAPassword(CLAVE_OF_SOMETHING, text) ||
    PASSWORD_FOR.test(text) ||
    SIGN_IN_PAIR.test(text) ||
    SERVICE_PAIR.test(text)
  ) {
    return { kind: 'password-assignment' };
  }
  if (PIN_ASSIGNMENT.test(text)) return { kind: 'pin-assignment' };
  if (ONE_TIME_CODE_ASSIGNMENT.test(text)) return { kind: 'one-time-code-assignment' };
  if (RECOVERY_CODES.test(text)) return { kind: 'recovery-codes' };
  if (hasBitLockerKey(text)) return { kind: 'bitlocker-recovery-key' };
  const generic = GENERIC_ASSIGNMENT.exec(text);
  if (generic?.[1] && isHighEntropy(generic[1])) return { kind: 'generic-secret' };
  return null;
}

/** A value that looks machine-generated: long, mixed, and ≥ 3.5 bits of entropy per character. */
export function isHighEntropy(value: string): boolean {
  return (
    value.length >= 16 && /[A-Za-z]/.test(value) && /\d/.test(value) && shannonEntropy(value) >= 3.5
  );
}
