import { describe, expect, it } from 'vitest';
import { analyzeField, classifyField, verdictWithValue } from '@/utils/detection/classify-field';
import {
  blankDescriptor,
  EMPTY_PAGE,
  type FieldDescriptor,
  type PageContext,
} from '@/utils/detection/field-descriptor';

const field = (overrides: Partial<FieldDescriptor>) => blankDescriptor(overrides);
const category = (overrides: Partial<FieldDescriptor>, value?: string, confidential = false) =>
  classifyField(field(overrides), { ...EMPTY_PAGE, confidential }, value).category;
/** A field's category on a page with this title and heading. */
const onPage = (overrides: Partial<FieldDescriptor>, heading: string, confidential = false) =>
  classifyField(field(overrides), { ...EMPTY_PAGE, heading, confidential }).category;

describe('classifyField by meaning', () => {
  it.each([
    [{ label: 'Social Security #' }, 'national-id'],
    [{ label: 'SS#' }, 'national-id'],
    [{ label: 'Número de Seguro Social' }, 'national-id'],
    [{ name: 'w4.ssn.area' }, 'national-id'],
    [{ name: 'pt_ssn' }, 'national-id'],
    [{ label: 'Passport number' }, 'national-id'],
    [{ label: "Driver's license #" }, 'national-id'],
    [{ label: 'Diagnosis' }, 'health'],
    [{ label: 'Medications', kind: 'textarea' }, 'health'],
    [{ label: 'Allergies' }, 'health'],
    [{ label: 'Member ID' }, 'health'],
    [{ label: 'Subscriber ID' }, 'health'],
    [{ label: 'ICD-10 code' }, 'health'],
    [{ label: 'NPI' }, 'health'],
    [{ label: 'Rx' }, 'health'],
    [{ label: 'Medical condition' }, 'health'],
    [{ label: 'Diagnóstico' }, 'health'],
    [{ label: 'Medicamentos' }, 'health'],
    [{ label: 'Card number' }, 'financial'],
    [{ autocomplete: 'cc-number' }, 'financial'],
    [{ autocomplete: 'billing cc-csc' }, 'financial'],
    [{ label: 'Routing number' }, 'financial'],
    [{ label: 'IBAN' }, 'financial'],
    [{ label: 'Password', kind: 'password', type: 'password' }, 'credential'],
    [{ kind: 'password', type: 'password' }, 'credential'],
    [{ label: 'One-time code' }, 'credential'],
    [{ autocomplete: 'one-time-code' }, 'credential'],
    [{ label: 'API token' }, 'credential'],
    [{ label: 'Webhook secret' }, 'credential'],
    [{ label: 'Contraseña' }, 'credential'],
  ] as const)('%o is %s', (overrides, expected) => {
    expect(category(overrides)).toBe(expected);
  });

  it.each([
    { label: 'Order number' },
    { label: 'Tracking number' },
    { label: 'ZIP code' },
    { label: 'Phone', type: 'tel' },
    { label: 'Quantity', kind: 'number' as const },
    { label: 'First name' },
    { label: 'Email address' },
    { name: 'addressName' },
    { name: 'accessNumber' },
    { name: 'pricepassNr' },
    { label: 'Remember my password', kind: 'choice' as const, type: 'checkbox' },
    { label: 'Notes', kind: 'textarea' as const },
    { label: 'Search', type: 'search' },
    { label: 'Promo code' },
    { label: 'I agree to the terms and conditions', kind: 'choice' as const, type: 'checkbox' },
  ])('%o is not flagged', (overrides) => {
    expect(category(overrides)).toBeNull();
  });

  it('explains itself in plain words', () => {
    const verdict = classifyField(field({ label: 'Social Security #', name: 'ssn' }));
    expect(verdict.reasons).toContain('label says "Social Security #"');
    expect(verdict.confidence).toBeGreaterThan(0.9);
  });

  it('reads a section heading for fields that say little', () => {
    expect(category({ label: 'Number', section: 'Passport' })).toBe('national-id');
    expect(category({ kind: 'textarea', label: 'Details', section: 'Medical history' })).toBe(
      'health',
    );
    expect(
      category({ kind: 'choice', type: 'checkbox', label: 'Diabetes', section: 'Medical history' }),
    ).toBe('health');
    expect(category({ label: 'Account type', kind: 'select', section: 'Bank account' })).toBeNull();
  });

  it('uses nearby text only when the field says nothing itself', () => {
    expect(category({ nearby: 'SSN:' })).toBe('national-id');
    expect(category({ label: 'City', nearby: 'SSN:' })).toBeNull();
  });

  it('flags free-text fields on a confidential page', () => {
    expect(category({ kind: 'textarea', label: 'Comment' }, undefined, true)).toBe('confidential');
    expect(category({ label: 'Search', type: 'search' }, undefined, true)).toBeNull();
    expect(category({ label: 'Quantity' }, undefined, true)).toBeNull();
  });
});

describe('rules learned from the fixture corpus', () => {
  it('reads a word after a sensitive word in a field name as a qualifier', () => {
    expect(category({ label: 'Expiration', name: 'token[expires]', id: 'token-exp' })).toBeNull();
    expect(category({ name: 'ssn_holder_name' })).toBeNull();
    expect(category({ name: 'token[value]' })).toBe('credential');
    expect(category({ name: 'w4.ssn.area' })).toBe('national-id');
  });

  it('does not let two weak hints add up to a flag', () => {
    expect(category({ label: 'Expiration date (if any)', name: 'i9.listA.expiration' })).toBeNull();
    expect(category({ label: 'Expiry', placeholder: 'MM/YY' })).toBe('financial');
    expect(category({ label: 'Expiration date (MM / YY)' })).toBe('financial');
  });

  it('calls a label generic only when generic words cover it', () => {
    expect(category({ nearby: 'Account', section: 'Bank account for paychecks' })).toBe(
      'financial',
    );
    expect(category({ label: 'From account', kind: 'select', section: 'Bank account' })).toBeNull();
    expect(category({ nearby: 'Nickname', section: 'Bank account for paychecks' })).toBeNull();
  });

  it('treats yes/no answers as speaking for the question above them', () => {
    expect(category({ kind: 'choice', type: 'radio', label: 'Yes', section: 'Tobacco use' })).toBe(
      'health',
    );
    expect(
      category({ kind: 'choice', type: 'radio', label: 'PPO 500', section: 'Medical plan' }),
    ).toBeNull();
    expect(
      category({ kind: 'select', label: 'Pickup store', section: 'Refill a prescription' }),
    ).toBeNull();
  });

  it('knows intake and HR health wording', () => {
    expect(category({ kind: 'textarea', label: 'What brings you in today?' })).toBe('health');
    expect(category({ kind: 'textarea', label: 'Medical leave reason' }, undefined, true)).toBe(
      'health',
    );
    expect(category({ label: 'Security question: What was the name of your first pet?' })).toBe(
      'credential',
    );
    expect(category({ label: 'Token name' })).toBeNull();
  });
});

describe('rules learned from held-out pages (tests/fixtures/pages/held-out)', () => {
  it('reads what a label asks about an identifier, not the identifier', () => {
    expect(category({ label: 'Passport expiry date' })).toBeNull();
    expect(category({ label: 'Passport expiry date', kind: 'text', type: 'date' })).toBeNull();
    expect(category({ label: 'Passport issue date' })).toBeNull();
    expect(category({ name: 'passportExpiry' })).toBeNull();
    expect(category({ label: "Driver's license state" })).toBeNull();
    expect(category({ label: "Bank account holder's name" })).toBeNull();
    expect(category({ label: 'Credit card billing address' })).toBeNull();
    // The thing itself, its card expiry, or two things side by side stay flagged.
    expect(category({ label: "Driver's license number" })).toBe('national-id');
    expect(category({ label: 'Credit card expiry date' })).toBe('financial');
    expect(category({ label: 'SSN or date of birth' })).toBe('national-id');
    expect(category({ label: 'Password (case sensitive)' })).toBe('credential');
  });

  it("reads a possessive's name or phone, and a thing's purpose, as ordinary", () => {
    expect(category({ label: "Health care provider's name and phone" })).toBeNull();
    expect(category({ label: 'Pharmacy for any prescription' })).toBeNull();
    expect(category({ label: 'Medication name' })).toBe('health');
    expect(
      category({
        kind: 'textarea',
        label: "If yes, describe the condition or medication and your physician's name",
      }),
    ).toBe('health');
  });

  it('keeps IDs and secrets out of date pickers and menus', () => {
    expect(category({ label: 'Date of diagnosis', kind: 'text', type: 'date' })).toBe('health');
    expect(category({ label: 'Encryption key', kind: 'select' })).toBeNull();
    expect(category({ label: 'Security question', kind: 'select' })).toBeNull();
    expect(category({ label: 'Card expiry', kind: 'select' })).toBe('financial');
    expect(category({ label: 'Do you need wheelchair assistance?', kind: 'select' })).toBe(
      'health',
    );
  });

  it('never takes a checkbox for a place to write', () => {
    const health = { ...EMPTY_PAGE, heading: 'Ask a medical question' };
    const ack = field({
      kind: 'choice',
      type: 'checkbox',
      label: 'I understand messages are answered within 2 business days',
    });
    expect(classifyField(ack, health).category).toBeNull();
    expect(classifyField(field({ label: 'Message', kind: 'textarea' }), health).category).toBe(
      'health',
    );
    expect(category({ label: 'Subject', section: 'Ask a medical question' })).toBe('health');
  });

  it("reads a health card's number as health and a traveller number as an ID", () => {
    expect(category({ label: 'Número de tarjeta sanitaria' })).toBe('health');
    expect(category({ label: 'Health card number' })).toBe('health');
    expect(category({ label: 'FSA/HSA card number' })).toBe('financial');
    expect(category({ label: 'Known Traveler Number (TSA PreCheck)' })).toBe('national-id');
  });

  it('lets an answer speak for the question right above it, and only a question', () => {
    const answer = (label: string, section: string) =>
      category({ kind: 'choice', type: 'radio', label, section });
    expect(
      answer(
        'Nearly every day',
        'Over the last 2 weeks, how often have you felt down, depressed, or hopeless? · Visit',
      ),
    ).toBe('health');
    expect(answer('Male', 'Sex assigned at birth · Medical history')).toBeNull();
    expect(answer('I certify the information above is true.', 'Medical leave (FMLA)')).toBeNull();
    expect(answer('Window', 'Seat preference? · Medical needs')).toBeNull();
  });

  it('reads a generic number by the menu before it', () => {
    const idTypes = "Driver's license · State ID · Passport";
    expect(category({ label: 'ID number', companion: idTypes })).toBe('national-id');
    expect(category({ label: 'ID number' })).toBeNull();
    expect(category({ label: 'Number', companion: 'Mobile · Home · Work' })).toBeNull();
    // A field that says what it is needs no menu, and one that says something ordinary ignores it.
    expect(category({ label: 'Employee ID', companion: idTypes })).toBeNull();
    expect(category({ label: 'ID number', kind: 'select', companion: idTypes })).toBeNull();
  });

  it('reads a key column as ordinary and a recovery key as a secret', () => {
    expect(category({ placeholder: 'Key', name: 'secretKey[0]' })).toBeNull();
    expect(category({ placeholder: 'Value', name: 'secretValue[0]' })).toBe('credential');
    expect(category({ label: 'Recovery key' })).toBe('credential');
    expect(category({ label: 'Secret Recovery Phrase', kind: 'textarea' })).toBe('credential');
  });
});

describe('rules learned from held-out batch 3 (ehr, gp, claims, cadastro, credito)', () => {
  it('reads a body measurement or a policy number as health only in a health context', () => {
    expect(category({ label: 'Weight', section: 'Vitals' })).toBe('health');
    expect(category({ label: 'BP', section: 'Vital signs' })).toBe('health');
    expect(category({ label: 'Temp', section: 'Vitals · Visit note' })).toBe('health');
    expect(onPage({ label: 'Pulse' }, 'Visit note — EHR')).toBe('health');
    expect(category({ label: 'Weight' })).toBeNull();
    expect(category({ label: 'Weight', section: 'Shipping' })).toBeNull();
    expect(category({ label: 'Policy number', section: 'Health insurance' })).toBe('health');
    expect(category({ label: 'Policy number', section: 'Vehicle and policy' })).toBeNull();
    expect(category({ label: "Other driver's policy number" })).toBeNull();
    // A menu or a checkbox under a health heading is a choice, not a measurement.
    expect(category({ label: 'Weight', kind: 'select', section: 'Vitals' })).toBeNull();
  });

  it('keeps consent checkboxes and names of people under a health heading ordinary', () => {
    expect(
      category({
        kind: 'choice',
        type: 'checkbox',
        label: 'The surgery can contact me by text message',
        section: 'Your health',
      }),
    ).toBeNull();
    // A box named by the contextual word alone is that thing, under a health heading only.
    const tick = { kind: 'choice' as const, type: 'checkbox' };
    expect(category({ ...tick, label: 'Alkol', section: 'Tıbbi Öykü' })).toBe('health');
    expect(category({ ...tick, label: 'Alkol', section: 'Sipariş' })).toBeNull();
    expect(category({ ...tick, label: 'Sigara içmeyen oda', section: 'Tıbbi Öykü' })).toBeNull();
    expect(category({ ...tick, label: 'Alcohol', section: 'Medical history' })).toBe('health');
    expect(category({ ...tick, label: 'Alcohol', section: 'Beverages' })).toBeNull();
    expect(onPage({ ...tick, label: 'Alcohol', section: 'Social history' }, 'New patient')).toBe(
      'health',
    );
    expect(onPage({ ...tick, label: 'Alcohol' }, 'Catering order')).toBeNull();
    expect(category({ ...tick, label: 'Alkohol', section: 'Anamnese' })).toBe('health');
    expect(
      category({ label: 'Name of the doctor who signed your medical certificate' }),
    ).toBeNull();
    expect(category({ label: 'Name of your previous GP surgery' })).toBeNull();
    expect(category({ label: 'Health care provider' })).toBeNull();
    expect(category({ name: 'treatmentFacility' })).toBeNull();
  });

  it("reads a health word's status, type or date in a field name as the health data itself", () => {
    expect(category({ name: 'disability_status', kind: 'select' })).toBe('health');
    expect(category({ name: 'smokingStatus', kind: 'select' })).toBe('health');
    expect(category({ name: 'diagnosisDate', type: 'date' })).toBe('health');
    // Where or who is not ("doctorName", "treatmentFacility"), nor a secret's status or an
    // account's type.
    expect(category({ name: 'tokenStatus' })).toBeNull();
    expect(category({ name: 'accountType', kind: 'select' })).toBeNull();
    expect(category({ name: 'prescriptionExpiry', type: 'date' })).toBeNull();
  });

  it('lets a health heading speak for free text only, not for a number box', () => {
    const conditions = { label: 'Tell us about your conditions', kind: 'textarea' } as const;
    expect(category({ ...conditions, section: 'Your health' })).toBe('health');
    // "Conditions" alone may be terms and conditions.
    expect(category(conditions)).toBeNull();
    expect(onPage({ label: 'Plan', kind: 'textarea', section: 'Plan' }, 'Visit note — EHR')).toBe(
      'health',
    );
    expect(category({ label: 'Plan', kind: 'textarea', section: 'Your health' })).toBe('health');
    expect(category({ label: 'Number', section: 'Your health' })).toBeNull();
  });

  it("reads a placeholder that asks what a thing is for as the thing's purpose", () => {
    expect(category({ label: 'Note', placeholder: "What's this token for?" })).toBeNull();
    expect(category({ label: 'Token', placeholder: 'Paste the token' })).toBe('credential');
  });

  it('tells a maiden name asked as a name from one asked as a security answer', () => {
    expect(category({ label: 'Other names used (maiden name, aliases)' })).toBeNull();
    expect(category({ label: "Mother's maiden name" })).toBe('credential');
    expect(category({ label: 'Mothers maiden name' })).toBe('credential');
  });

  it.each([
    [{ label: 'CBU' }, 'financial'],
    [{ label: 'CBU / CVU' }, 'financial'],
    [{ label: 'Institution number' }, 'financial'],
    [{ label: 'Branch transit number' }, 'financial'],
    [{ label: 'RG' }, 'national-id'],
    [{ label: 'Número do RG' }, 'national-id'],
    [{ label: 'Cartão Nacional de Saúde (CNS)' }, 'health'],
    [{ label: 'Número da carteirinha' }, 'health'],
    [{ label: 'NHS number' }, 'health'],
    [{ label: 'What medicines do you take?', kind: 'textarea' }, 'health'],
    [{ label: 'How many units of alcohol do you drink a week?' }, 'health'],
    [{ label: 'SpO2' }, 'health'],
    [{ label: 'How does it limit your ability to do your job?', kind: 'textarea' }, 'health'],
  ] as const)('%o is %s', (overrides, expected) => {
    expect(category(overrides)).toBe(expected);
  });
});

describe('rules learned from held-out batch 4 (kyc, counselling, mutuelle, workday, fafsa)', () => {
  it("reads PAN as India's tax ID when the box is shaped for one, else as a card number", () => {
    expect(category({ label: 'PAN', maxLength: 10 })).toBe('national-id');
    expect(category({ label: 'PAN', placeholder: 'ABCDE1234F' })).toBe('national-id');
    expect(category({ name: 'pan', placeholder: 'ABCDE1234F' })).toBe('national-id');
    expect(category({ label: 'PAN' })).toBe('financial');
    expect(category({ label: 'PAN', maxLength: 19 })).toBe('financial');
    expect(category({ label: 'Permanent Account Number' })).toBe('national-id');
  });

  it('reads an ordinary head followed by whose it is as the head', () => {
    expect(category({ label: 'Name as per PAN' })).toBeNull();
    expect(category({ label: 'Name as shown on passport' })).toBeNull();
    expect(category({ label: 'Nombre según pasaporte' })).toBeNull();
    expect(category({ label: 'Current total of cash, savings, and checking accounts' })).toBeNull();
    // Health words speak for themselves, and an identifier joined on is still asked for.
    expect(category({ label: 'Date of diagnosis' })).toBe('health');
    expect(category({ label: 'Fecha de diagnóstico' })).toBe('health');
    expect(category({ label: 'Name of bank and account number' })).toBe('financial');
  });

  it('reads a file or path to a key as a path, and a key itself as a secret', () => {
    expect(category({ label: 'Private key file', name: 'privateKeyFile' })).toBeNull();
    expect(category({ label: 'Private key' })).toBe('credential');
    expect(category({ label: 'Client key', kind: 'textarea' })).toBe('credential');
    expect(category({ label: 'Restricted key' })).toBe('credential');
  });

  it('reads a generic "Identification #" by the ID-type menu before it', () => {
    const types = 'Social Security Number (SSN) · Individual Taxpayer Identification Number (ITIN)';
    expect(category({ label: 'Identification #', companion: types })).toBe('national-id');
    expect(category({ label: 'Identification #' })).toBeNull();
  });

  it("counts a document's name as part of a confidential document, and only there", () => {
    expect(category({ label: 'Document name' }, undefined, true)).toBe('confidential');
    expect(category({ label: 'Document title' }, undefined, true)).toBe('confidential');
    expect(category({ label: 'Document name' })).toBeNull();
    expect(category({ label: 'Search' }, undefined, true)).toBeNull();
  });

  it('lets a topic word next to a short box describe it, not fill it', () => {
    expect(category({ nearby: 'Votre santé Nom de votre médecin traitant' })).toBeNull();
    expect(category({ nearby: 'Your health Surgery you are registered with' })).toBeNull();
    expect(category({ kind: 'textarea', nearby: 'Your health' })).toBe('health');
    // A name's prefix is a section, which speaks for a menu under it.
    expect(
      category({ kind: 'select', name: 'health.iep', label: 'Does the student have an IEP?' }),
    ).toBe('health');
  });

  it.each([
    [{ label: 'What brings you to counselling?', kind: 'textarea' }, 'health'],
    [
      {
        label: 'Yes',
        kind: 'choice',
        type: 'radio',
        section: 'Are you currently seeing a psychiatrist or therapist?',
      },
      'health',
    ],
    [{ label: 'Career counselling notes', kind: 'textarea' }, null],
    [{ label: 'Have you had thoughts of harming yourself?', kind: 'textarea' }, 'health'],
    [{ label: 'Aadhaar number' }, 'national-id'],
    [{ label: 'IFSC code' }, 'financial'],
    [{ label: 'SWIFT/BIC' }, null],
    [{ label: 'PIN code', maxLength: 6 }, null],
    [{ label: 'Tax file number' }, 'national-id'],
    [{ label: 'Numéro de sécurité sociale' }, 'national-id'],
    [{ label: 'Mot de passe' }, 'credential'],
    [{ label: 'Numéro de carte bancaire' }, 'financial'],
    [{ label: 'Avez-vous des antécédents médicaux ?', kind: 'textarea' }, 'health'],
    [{ label: 'Code postal' }, null],
  ] as const)('%o is %s', (overrides, expected) => {
    expect(category(overrides)).toBe(expected);
  });
});

describe('rules learned from held-out batch 5 (w-2, mychart, mfa, screening, library)', () => {
  const withPage = (overrides: Partial<FieldDescriptor>, page: Partial<PageContext>) =>
    classifyField(field(overrides), { ...EMPTY_PAGE, ...page }).category;

  it('reads a body measurement among other health questions as health, and nothing else', () => {
    const temperature = { label: "Today's temperature reading (°F)" };
    expect(withPage(temperature, { healthQuestions: true })).toBe('health');
    expect(withPage(temperature, {})).toBeNull();
    // An auto policy's number beside "Describe the injuries" stays ordinary.
    expect(withPage({ label: 'Policy number' }, { healthQuestions: true })).toBeNull();
  });

  it('reads a menu that picks a character of a secret as part of that secret', () => {
    const section = 'Enter characters from your memorable information · Log on to Online Banking';
    const pick = { kind: 'select' as const, options: '- · a · b · c', section };
    expect(withPage({ ...pick, label: 'Character 2' }, {})).toBe('credential');
    expect(withPage({ ...pick, label: '3rd character' }, {})).toBe('credential');
    // Any other menu under that heading holds no secret.
    expect(withPage({ ...pick, label: 'Account', options: 'Current · Savings' }, {})).toBeNull();
    // And a character picked elsewhere is only a character.
    expect(
      withPage({ ...pick, label: 'Character 2', section: 'Choose your avatar' }, {}),
    ).toBeNull();
  });

  it("reads a clinician's questions about a complaint as health on a health page only", () => {
    const chiro = { heading: 'Patient intake | Summit Chiropractic & Sports Rehab' };
    expect(withPage({ label: 'What makes it worse?' }, chiro)).toBe('health');
    expect(withPage({ label: 'When did this problem begin?', type: 'date' }, chiro)).toBe('health');
    expect(withPage({ label: 'When did this problem begin?', type: 'date' }, {})).toBeNull();
    expect(withPage({ label: 'Family history', kind: 'textarea' }, chiro)).toBe('health');
    // "Talla" is a height on a health declaration and a clothing size in a shop.
    expect(withPage({ label: 'Talla (cm)' }, { healthQuestions: true })).toBe('health');
    expect(withPage({ label: 'Talla (cm)' }, { heading: 'Declaración jurada de salud' })).toBe(
      'health',
    );
    expect(withPage({ label: 'Talla (cm)', section: 'Antecedentes médicos' }, {})).toBe('health');
    expect(
      withPage({ label: 'Talla', kind: 'select' }, { heading: 'Camisetas | Tienda' }),
    ).toBeNull();
    expect(withPage({ label: 'Dx' }, chiro)).toBe('health');
    const recovery = { heading: 'Confidential screening | New Dawn Recovery Center' };
    expect(withPage({ label: 'When did you last use?', kind: 'select' }, recovery)).toBe('health');
    expect(
      withPage({ label: 'When did you last use this card?' }, { heading: 'Card settings' }),
    ).toBeNull();
  });

  it('keeps a search box ordinary by meaning, but not by what is typed into it', () => {
    const search = { label: 'Search MyChart', type: 'search' };
    expect(withPage(search, { heading: 'Messages – MyChart' })).toBeNull();
    expect(classifyField(field(search), EMPTY_PAGE, 'flu shot').category).toBeNull();
    expect(classifyField(field(search), EMPTY_PAGE, '536-22-8726').category).toBe('national-id');
  });

  it('reads a code by its hint and an answer by the question menu before it', () => {
    expect(
      category({
        label: 'Enter code',
        description: 'Enter the code displayed in the authenticator app on your mobile device',
      }),
    ).toBe('credential');
    const questions = 'What was the name of your first pet? · In what city were you born?';
    expect(category({ label: 'Your answer', companion: questions })).toBe('credential');
    expect(category({ label: 'Your answer' })).toBeNull();
  });

  it("reads a doctor's name as a name even when the field is called medico", () => {
    expect(category({ label: 'Nombre del médico tratante', name: 'medico' })).toBeNull();
    expect(category({ name: 'medico', kind: 'textarea' })).toBe('health');
  });

  it.each([
    [{ label: 'Library card number' }, null],
    [{ label: 'Card number' }, 'financial'],
    [{ label: 'NDC number (11 digits, on the pharmacy label)' }, 'health'],
    [{ label: 'Slack webhook URL', type: 'url' }, 'credential'],
    [
      {
        label: 'Yes',
        kind: 'choice',
        type: 'radio',
        section: 'Have you tested positive for COVID-19 in the last 10 days?',
      },
      'health',
    ],
  ] as const)('%o is %s', (overrides, expected) => {
    expect(category(overrides)).toBe(expected);
  });

  it('reads free text on a patient portal or a medical-expenses claim as health', () => {
    const message = { label: 'Message', kind: 'textarea' } as const;
    expect(withPage(message, { heading: 'Messages – MyChart – Riverside Health' })).toBe('health');
    expect(withPage(message, { heading: 'Solicitud de reembolso de gastos médicos' })).toBe(
      'health',
    );
  });
});

describe('rules learned from held-out batch 6 (recovery, records release, UI claim, telecom)', () => {
  it('reads a security question asked about something ordinary as a secret under its heading', () => {
    const answer = {
      label: 'In what city did your parents meet?',
      section: 'Answer your security questions · Recover your account',
    };
    expect(category(answer)).toBe('credential');
    // A question is not a name: its box is not settled as ordinary by the word "city" …
    expect(
      category({ label: 'In what city did your parents meet?', name: 'securityAnswer2' }),
    ).toBe('credential');
    // … but a plain "City" still is, and a question elsewhere stays ordinary.
    expect(category({ label: 'City', name: 'securityAnswer2' })).toBeNull();
    expect(category({ label: 'In what city do you work?', section: 'Employment' })).toBeNull();
    // The menu that picks the question holds no secret.
    expect(category({ ...answer, label: 'Choose a question?', kind: 'select' })).toBeNull();
  });

  it.each([
    [{ label: 'Account number with your current carrier' }, null],
    [{ label: 'Utility account no.' }, null],
    [{ label: 'Account number' }, 'financial'],
    [{ label: 'Bank account number with your current carrier' }, 'financial'],
    // A hospital's or a phone company's billing account is not a bank's.
    [{ label: 'Hospital account number (on your statement)' }, null],
    [{ label: 'Billing account number' }, null],
    [{ label: 'Guarantor account #' }, null],
    // An accessible hotel room is asked for because of a disability.
    [
      { label: 'Mobility-accessible room with roll-in shower', kind: 'choice', type: 'checkbox' },
      'health',
    ],
    [
      { label: 'Hearing-accessible room (visual alarms, TTY)', kind: 'choice', type: 'checkbox' },
      'health',
    ],
    [{ label: 'Quiet room away from the elevator', kind: 'choice', type: 'checkbox' }, null],
    // One end of a period in an address or job history is not a card's expiry.
    [{ label: 'From (MM/YYYY)' }, null],
    [{ label: 'Employed since', placeholder: 'MM/YYYY' }, null],
    [{ label: 'Expiration (MM/YY)' }, 'financial'],
    [{ label: 'Card valid from (MM/YY)' }, 'financial'],
    [{ label: 'MM / YY' }, 'financial'],
    // An age that qualifies whom the question is about asks for no age.
    [
      { label: '', nearby: 'Disabled dependent over age 26?', kind: 'choice', type: 'checkbox' },
      'health',
    ],
    [{ label: 'Are you over age 18?', kind: 'choice', type: 'checkbox' }, null],
    [{ label: 'Age' }, null],
    // A TB test's date is a health record's, on a date picker too.
    [{ label: 'Date of your last TB test', type: 'date' }, 'health'],
    // The account Medicare benefits are paid into is a bank account; an agency's linking code is
    // a one-time code; India's UAN is a person's number for life; eyesight is health.
    [
      { label: 'The last 4 digits of the bank account your Medicare benefits are paid into' },
      'financial',
    ],
    [{ label: 'Medicare card number' }, 'health'],
    [{ label: 'Linking code' }, 'credential'],
    [{ label: 'UAN' }, 'national-id'],
    [{ label: 'When did you last see a doctor? (approximate date)', type: 'date' }, 'health'],
    [
      { label: 'Do you need glasses or contact lenses to read a number plate?', kind: 'select' },
      'health',
    ],
    // An accommodation under the ADA is about a disability; a conference's is lodging.
    [
      {
        label: 'Can you lift up to 50 lbs repeatedly, with or without reasonable accommodation?',
        kind: 'select',
      },
      'health',
    ],
    [
      {
        label: 'If you need an accommodation to interview, tell us what you need',
        kind: 'textarea',
      },
      'health',
    ],
    [{ label: 'Accommodation', kind: 'select' }, null],
    // The code a TV shows to sign it in.
    [{ label: 'Activation code', maxLength: 8 }, 'credential'],
    // A "Security code" box made for six digits holds a texted code; one for three or four, a card's.
    [{ label: 'Security code', maxLength: 6 }, 'credential'],
    [{ label: 'Security code', maxLength: 4 }, 'financial'],
    [{ label: 'Security code' }, 'financial'],
    // Lens types on a vision claim.
    [
      { label: 'Lens type', kind: 'select', options: 'Single vision · Bifocal · Progressive' },
      'health',
    ],
    // A state's payroll tax account for an employer is a tax ID, not a bank account.
    [
      { label: 'EDD employer payroll tax account number', name: 'stateAccountNumber' },
      'national-id',
    ],
    [{ label: 'Bank account number', name: 'stateAccountNumber' }, 'financial'],
    // Smoke at home and breathing problems, on an allergist's history.
    [{ label: 'Does anyone smoke at home?', kind: 'select' }, 'health'],
    [
      { label: 'Number of ER visits for breathing problems in the past year', type: 'number' },
      'health',
    ],
    [{ label: 'Smoke detector battery changed?', kind: 'select' }, null],
    // Treatment for opioid use, supplements, a skin check.
    [
      { label: 'Are you currently on methadone, buprenorphine or naltrexone?', kind: 'select' },
      'health',
    ],
    [{ label: 'Supplements you take' }, 'health'],
    [{ label: 'Skin check: redness or open areas?', kind: 'select' }, 'health'],
    [
      {
        label: 'Which substances are you seeking help with?',
        kind: 'select',
        options:
          'Alcohol · Opioids (including fentanyl) · Methamphetamine · Cocaine · Benzodiazepines',
      },
      'health',
    ],
    // A clinician's questions about a complaint are health on an intake, and nothing on a
    // support form ("What makes it worse?" about a laptop's fan).
    [{ label: 'What makes it worse?' }, null],
    [{ label: 'When did you last use?', kind: 'select' }, null],
    // A patient's account number, a CPAP user's complaints, a dialysis access.
    [{ label: 'Patient account number' }, 'health'],
    [{ label: 'Any problems with mask fit, dry mouth or leaks?', kind: 'textarea' }, 'health'],
    [
      { label: 'Type of access', kind: 'select', options: 'AV fistula · AV graft · Catheter' },
      'health',
    ],
    // Spanish labels from a sweep.
    [{ label: 'Fecha de expiración de la tarjeta' }, 'financial'],
    [{ label: 'Cuenta corriente' }, 'financial'],
    [{ label: 'Resultados de laboratorio', kind: 'textarea' }, 'health'],
    [{ label: 'Frecuencia cardiaca' }, 'health'],
    [{ label: 'Número de expediente clínico' }, 'health'],
    // The consent to process personal data treats no one; Peru's interbank code is an account.
    [
      {
        label: 'Acepto el tratamiento de mis datos personales',
        name: 'tratamientoDatos',
        kind: 'choice',
        type: 'checkbox',
      },
      null,
    ],
    [{ label: 'Tratamiento actual', kind: 'textarea' }, 'health'],
    // A machine's, a plant's or a surface's condition, named in the field's own words.
    [{ label: 'Diagnóstico del vehículo', kind: 'textarea' }, null],
    [{ label: "Describe your car's symptoms", kind: 'textarea' }, null],
    [{ label: 'Symptoms on leaves', kind: 'textarea' }, null],
    [{ label: "Describe the bike's symptoms (noises, shifting problems)", kind: 'textarea' }, null],
    [{ label: 'Últimos 4 dígitos de la cuenta ordenante', maxLength: 4 }, 'financial'],
    [{ label: 'Tratamiento de superficie' }, null],
    [{ label: 'Diagnóstico', kind: 'textarea' }, 'health'],
    [{ label: 'Alergias (para el botiquín de la planta)' }, 'health'],
    // A Mexican invoice's catalogue codes and SPEI's tracking key are codes, not passwords.
    [{ label: 'Clave de producto o servicio' }, null],
    [{ label: 'Clave de unidad' }, null],
    [{ label: 'Clave de rastreo' }, null],
    [{ label: 'Clave' }, 'credential'],
    // "Clave de <something>" is a code in Mexico, unless it names a secret.
    [{ label: 'Clave de sucursal' }, null],
    [{ label: 'Clave de la tienda' }, null],
    [{ label: 'Clave de internet (6 a 8 caracteres)' }, 'credential'],
    [{ label: 'Clave del token', maxLength: 8 }, 'credential'],
    [{ label: 'Clave de la tarjeta' }, 'credential'],
    [{ label: 'Clave de elector (INE)' }, 'national-id'],
    // A shop's loyalty or gift card is not a payment card, in Spanish either.
    [{ label: 'Número de tarjeta de lealtad' }, null],
    [{ label: 'Número de tarjeta de regalo' }, null],
    [{ label: 'Número de tarjeta' }, 'financial'],
    [{ label: 'Routing slip' }, null],
    // A hint under a box named only "Number" or "Code" says what it holds.
    [{ label: 'Number', description: 'Found on the front of your insurance card' }, 'health'],
    [{ label: 'Number', description: 'The 3 digits on the back of your card' }, 'financial'],
    [{ label: 'Código', description: 'Los 3 dígitos al reverso de tu tarjeta' }, 'financial'],
    [
      { label: 'Number', description: 'Printed at the bottom of your checks, on the left' },
      'financial',
    ],
    [{ label: 'Number', description: 'This is your order confirmation number' }, null],
    // A placeholder that is an example of the value says what the box holds.
    [{ placeholder: 'sk_live_...' }, 'credential'],
    [{ placeholder: 'https://hooks.slack.com/services/...' }, 'credential'],
    [{ placeholder: 'pk_live_...' }, null],
    [{ placeholder: 'DE89 3704 0044 0532 0130 00' }, 'financial'],
    [{ placeholder: '1EG4-TE5-MK73' }, 'health'],
    [{ placeholder: '6-digit code' }, 'credential'],
    [{ placeholder: 'ABC12345' }, null],
    // Generic labels under a heading that names a one-time code or a card.
    [{ label: 'Code', section: 'Two-step verification' }, 'credential'],
    [{ label: 'Código', section: 'Verificación en dos pasos' }, 'credential'],
    [{ label: 'Phone number', section: 'Two-step verification' }, null],
    [{ label: 'Expiration date', section: 'Credit card' }, 'financial'],
    [{ label: 'Expiration date', section: 'Passport' }, null],
    [{ label: 'Expiration date', section: 'Credit card billing address' }, null],
    // Abbreviations forms use.
    [{ label: 'CC#' }, 'financial'],
    [{ label: 'CC' }, null],
    [{ label: 'Checking acct' }, 'financial'],
    [{ label: 'Subscriber #' }, 'health'],
    [{ label: 'Family history' }, null],
    // Drinking and past surgery, asked on any page.
    [{ label: 'Do you drink alcohol?', kind: 'select' }, 'health'],
    [{ label: 'Have you had surgery in the last year?', kind: 'select' }, 'health'],
    [{ label: 'Name of your GP surgery' }, null],
    // A project's, a team's or someone's finances' health, and water's treatment, are no one's.
    [{ label: 'Project health', kind: 'textarea' }, null],
    [{ label: 'Salud financiera', kind: 'textarea' }, null],
    [{ label: 'Water treatment method' }, null],
    [{ label: 'Vaccination record for your dog' }, null],
    [{ label: 'Vaccination record' }, 'health'],
    [{ label: 'Your health', kind: 'textarea' }, 'health'],
    [{ label: 'Secret Santa wishlist' }, null],
    [{ label: 'Código de cuenta interbancario (CCI)' }, 'financial'],
    // An optician's questions and sick leave in Spain; unsubscribing is not.
    [{ label: '¿Usa gafas o lentillas actualmente?', kind: 'select' }, 'health'],
    [{ label: 'Graduación actual, si la conoce (esfera, cilindro)' }, 'health'],
    [{ label: '¿Ha estado de baja en el último año? Motivo' }, 'health'],
    [{ label: 'Dar de baja la suscripción', kind: 'choice', type: 'checkbox' }, null],
    // Chile's RUN, a medical leave's days of rest, Mexico's medical deductions.
    [{ label: 'RUN del profesional' }, 'national-id'],
    [{ label: 'Run' }, null],
    [{ label: 'Número de días de reposo' }, 'health'],
    [{ label: 'Deducciones personales: honorarios médicos y gastos hospitalarios' }, 'health'],
    // The questions banks offer, asked without saying "security question".
    [{ label: 'In what city did your parents meet?' }, 'credential'],
    [{ label: "What is your oldest sibling's middle name?" }, 'credential'],
    [{ label: 'What was your high school mascot?' }, 'credential'],
    [{ label: 'SIM card number (ICCID)' }, null],
    [{ label: 'IMEI' }, null],
    [{ label: 'Número de afiliación a la Seguridad Social' }, 'national-id'],
    [{ label: 'Discharge summaries', kind: 'choice', type: 'checkbox' }, 'health'],
    [{ label: 'Radiology and imaging reports', kind: 'choice', type: 'checkbox' }, 'health'],
    [
      {
        label: 'Yes',
        kind: 'choice',
        type: 'radio',
        section: '3. Were you too sick, injured, or otherwise unable to work on any day this week?',
      },
      'health',
    ],
    [
      {
        label: 'Yes',
        kind: 'choice',
        type: 'radio',
        section: '1. Were you able to work and available for work each day of the week?',
      },
      null,
    ],
  ] as const)('%o is %s', (overrides, expected) => {
    expect(category(overrides)).toBe(expected);
  });
});

describe('rules learned from held-out batch 7 (visa, life insurance, therapy, eRx, Chile)', () => {
  it('reads an answer that only mentions something ordinary by the question above it', () => {
    const reason = {
      kind: 'choice',
      type: 'checkbox',
      section: 'What led you to consider therapy today?',
    } as const;
    expect(category({ ...reason, label: 'My relationship is struggling' })).toBe('health');
    expect(category({ ...reason, label: "I've been feeling down" })).toBe('health');
    // An answer that names an ordinary thing is still that thing.
    expect(category({ ...reason, label: 'Relationship' })).toBeNull();
    expect(category({ ...reason, label: 'Email address' })).toBeNull();
  });

  it('reads "if yes, give details" as answering the health questions above it', () => {
    const details = { kind: 'textarea', section: 'Medical history' } as const;
    expect(
      category({ ...details, label: 'If yes to any of the above, give dates and details' }),
    ).toBe('health');
    expect(category({ ...details, label: 'Si es así, indique fechas y detalles' })).toBe('health');
    // Without the follow-up, a date asked under the heading is still a date.
    expect(category({ kind: 'text', label: 'Start date', section: 'Medical history' })).toBeNull();
  });

  it('reads an ordinary head explained in brackets as the head', () => {
    expect(category({ placeholder: 'Nickname (what your therapist will call you)' })).toBeNull();
    expect(category({ label: 'Phone (for prescription reminders)' })).toBeNull();
    // Brackets that say which ID, or a sensitive head, still speak.
    expect(category({ label: 'Number (SSN or ITIN)' })).toBe('national-id');
    expect(category({ label: 'Medications (include supplements)', kind: 'textarea' })).toBe(
      'health',
    );
  });

  it.each([
    [
      {
        label: 'Are you or have you ever been a drug abuser or addict?',
        kind: 'choice',
        type: 'radio',
      },
      'health',
    ],
    [{ label: 'Substance abuse treatment', kind: 'choice', type: 'checkbox' }, 'health'],
    [{ label: 'Search drug', placeholder: 'Name, strength or NDC' }, 'health'],
    [
      {
        label: 'Not at all',
        kind: 'choice',
        type: 'radio',
        section:
          'Over the last 2 weeks, how often have you had thoughts that you would be better off dead?',
      },
      'health',
    ],
    [{ label: 'N° de cuenta' }, 'financial'],
    [{ label: 'Nro. de cuenta' }, 'financial'],
    [{ label: 'Nº de pasaporte' }, 'national-id'],
    [{ name: 'numeroCuenta' }, 'financial'],
    [{ label: 'No de pedido' }, null],
    [{ label: 'Código enviado a tu celular', name: 'codigoSms' }, 'credential'],
    [{ label: 'Enter the code we sent to your phone' }, 'credential'],
    [{ label: 'Event webhook verification key' }, 'credential'],
    [{ name: 'provider[event_webhook_key]' }, 'credential'],
  ] as const)('%o is %s', (overrides, expected) => {
    expect(category(overrides)).toBe(expected);
  });
});

describe('rules learned from held-out batch 8 (workers comp, Medicaid, UK bank, lab, wiki)', () => {
  it('reads a question followed by an instruction in brackets as a question', () => {
    const part = {
      kind: 'choice',
      type: 'checkbox',
      section: '7. Which part of your body was hurt? (check all that apply)',
    } as const;
    expect(category({ ...part, label: 'Knee' })).toBe('health');
    expect(category({ ...part, label: 'Hand or wrist' })).toBe('health');
  });

  it('reads a task box on a confidential page as part of the document', () => {
    expect(category({ label: 'Add a task for this page' }, undefined, true)).toBe('confidential');
    expect(category({ label: 'Add a task for this page' })).toBeNull();
    expect(category({ label: 'Assignee' }, undefined, true)).toBeNull();
  });

  it.each([
    [
      {
        label: 'This dependent was permanently and totally disabled',
        kind: 'choice',
        type: 'checkbox',
      },
      'health',
    ],
    [{ label: 'Disabled', kind: 'choice', type: 'checkbox' }, null],
    [{ label: 'Tests ordered (as written on your requisition)' }, 'health'],
    [{ label: "Insured's ID number" }, 'health'],
    [{ label: 'Group number', section: 'Insurance · Check in for your lab visit' }, 'health'],
    [
      {
        label: 'Sí',
        kind: 'choice',
        type: 'radio',
        section:
          '¿Tiene alguna condición física, mental o emocional que limite sus actividades diarias?',
      },
      'health',
    ],
    [{ label: 'Building society roll number (if you have one)' }, 'financial'],
    // Held-out batch 10: Peru's and Colombia's tax IDs.
    [{ label: 'RUC', maxLength: 11 }, 'national-id'],
    [{ label: 'NIT de la empresa' }, 'national-id'],
    [{ label: 'Carné de extranjería' }, 'national-id'],
    [{ label: 'Memorable word' }, 'credential'],
  ] as const)('%o is %s', (overrides, expected) => {
    expect(category(overrides)).toBe(expected);
  });
});

describe('rules learned from held-out batch 9 (donor, dermatology, PAR-Q, pet claim)', () => {
  const yes = { label: 'Yes', kind: 'choice', type: 'radio' } as const;

  it('reads a yes or no to any question on a health questionnaire as health', () => {
    const donor = 'RapidPass – Donor Health History Questionnaire';
    expect(onPage({ ...yes, section: 'Have you lived in Europe since 1980?' }, donor)).toBe(
      'health',
    );
    // Not a question about something ordinary, nor a statement's checkbox, nor off a health page.
    expect(
      onPage({ ...yes, section: 'Would you like appointment reminders by email?' }, donor),
    ).toBeNull();
    expect(onPage({ ...yes, section: 'Is the patient the policy holder?' }, donor)).toBeNull();
    // Held-out batch 11: a patient portal's billing question, a pharmacy's vaccine screening.
    const portal = 'Billing – Pay as guest – Patient Portal';
    expect(
      onPage({ ...yes, section: 'Would you like to go paperless for future statements?' }, portal),
    ).toBeNull();
    const vaccine = 'Schedule a vaccine | Corner Pharmacy';
    expect(onPage({ ...yes, section: 'Do you have a weakened immune system?' }, vaccine)).toBe(
      'health',
    );
    expect(onPage({ ...yes, section: 'Are you feeling well today?' }, vaccine)).toBe('health');
    expect(
      onPage({ ...yes, section: 'Would you like text message reminders?' }, vaccine),
    ).toBeNull();
    // … whatever heading is further up.
    expect(
      category({
        ...yes,
        section: 'Would you like text message reminders? · Schedule your vaccine',
      }),
    ).toBeNull();
    expect(category({ ...yes, section: 'Have you had a fever? · Schedule your vaccine' })).toBe(
      'health',
    );
    expect(
      onPage(
        { ...yes, section: 'Have you had a fever or a rash since your last phone call?' },
        donor,
      ),
    ).toBe('health');
    expect(onPage({ ...yes, section: 'Contact preferences' }, donor)).toBeNull();
    expect(onPage({ ...yes, section: 'Have you been to Brazil?' }, 'Travel survey')).toBeNull();
  });

  it('reads a place of care in a heading as a health page, not as health by itself', () => {
    const derm = 'New Patient Forms – Lakeside Dermatology';
    const concern = {
      label: 'What would you like us to look at today?',
      kind: 'textarea',
    } as const;
    expect(onPage({ ...concern, section: 'Your visit · New patient questionnaire' }, derm)).toBe(
      'health',
    );
    expect(onPage(concern, 'Contact us')).toBeNull();
    expect(category({ label: 'I am a new patient', kind: 'choice', type: 'checkbox' })).toBeNull();
  });

  it("never reads a pet's care as a person's health", () => {
    const pet = 'Submit a claim for Biscuit | Pawsure Pet Insurance';
    expect(
      onPage({ label: 'What was Biscuit treated for?', placeholder: 'e.g. ear infection' }, pet),
    ).toBeNull();
    expect(onPage({ label: 'Diagnosis' }, pet)).toBeNull();
    expect(
      classifyField(
        field({ label: 'Notes', kind: 'textarea' }),
        { ...EMPTY_PAGE, heading: pet },
        'diagnosed with diabetes, on insulin',
      ).category,
    ).toBeNull();
    // A PET or CAT scan is a person's.
    expect(onPage({ label: 'Diagnosis' }, 'Your PET scan results')).toBe('health');
    expect(onPage({ label: 'Diagnosis' }, 'Schedule a CAT scan')).toBe('health');
  });

  it.each([
    [{ label: 'Eczema – you', kind: 'choice', type: 'checkbox' }, 'health'],
    [{ label: 'Number of blistering sunburns in your life' }, 'health'],
    [
      { label: 'If yes, describe any physical limitations we should know about', kind: 'textarea' },
      'health',
    ],
  ] as const)('%o is %s', (overrides, expected) => {
    expect(category(overrides)).toBe(expected);
  });
});

describe('a medical-history checklist names its conditions', () => {
  // Intake checklists ask "Have you ever had any of the following?": the options carry the health.
  const option = (label: string) => category({ label, kind: 'choice', type: 'checkbox' });
  it.each([
    'Thyroid disease',
    'Sleep apnea',
    'Kidney stones',
    "Crohn's disease",
    'Blood clots / DVT',
    'Heart attack',
    'Tuberculosis',
    'Sexually transmitted infection',
    'Osteoporosis',
    'Derrame cerebral',
    'Insuficiencia renal',
    'Antidepressants',
    'Nausea or vomiting',
    'Sore throat',
    'Night sweats',
    'Dolor de cabeza',
  ])('%s is health', (label) => {
    expect(option(label)).toBe('health');
  });

  it.each([
    'Enable X-Ray tracing',
    'Disabled',
    'Dark mode',
    'Newsletter',
    'Strengths and weaknesses',
    'Traffic congestion',
    'I accept the ToS',
  ])('%s is not', (label) => {
    expect(option(label)).toBeNull();
  });
});

describe('rules learned from held-out batch 12 (form builders: Qualtrics, Gravity, JotForm, Typeform, SAP)', () => {
  const menu = { kind: 'select', type: '' } as const;

  it('leaves a question about how a service is delivered alone (held-out batch 17)', () => {
    const under = 'Transfer your prescriptions to us';
    expect(
      category({ ...menu, label: 'How would you like to get them?', section: under }),
    ).toBeNull();
    expect(category({ ...menu, label: 'How did you hear about us?', section: under })).toBeNull();
    // Unless it names something about health.
    expect(
      category({ ...menu, label: 'How would you like to treat your back pain?', section: under }),
    ).toBe('health');
  });

  it('reads a menu whose label asks a question under a health heading as health', () => {
    const pain = { ...menu, label: 'On a scale of 0 to 10, how bad is it right now?' };
    expect(category({ ...pain, section: 'About your injury · New Patient Form' })).toBe('health');
    // Not under an ordinary heading, not a statement's menu, not a question about reminders.
    expect(category({ ...pain, section: 'Your visit' })).toBeNull();
    expect(category({ ...menu, label: 'Preferred time', section: 'About your injury' })).toBeNull();
    expect(
      category({
        ...menu,
        label: 'How would you like your appointment reminders?',
        section: 'Your health',
      }),
    ).toBeNull();
  });

  it('reads a Yes or No by the item written just before it', () => {
    const yes = { kind: 'choice', type: 'radio', label: 'Yes' } as const;
    const under = '2. Have you ever had any of the following conditions?';
    expect(category({ ...yes, nearby: 'a. Seizures (fits):', section: under })).toBe('health');
    expect(category({ ...yes, label: '2', nearby: 'c. Eye irritation:' })).toBe('health');
    // An item that names nothing about health, or asks about contact: its answer is not health.
    expect(category({ ...yes, nearby: 'Sitting and reading' })).toBeNull();
    expect(category({ ...yes, nearby: 'Would you like health tips by email?' })).toBeNull();
  });

  it('reads a Yes or No to a tax question as health only when the item names a condition', () => {
    const yes = { kind: 'choice', type: 'radio', label: 'Yes' } as const;
    const item = (nearby: string) => category({ ...yes, nearby });
    expect(
      item('Were you or your spouse legally blind, or disabled, at the end of the year?'),
    ).toBe('health');
    expect(item('Did you pay medical or dental expenses that were not reimbursed?')).toBe('health');
    expect(item('Did you have health insurance coverage through the Marketplace?')).toBeNull();
    expect(item('Did you make contributions to a Health Savings Account (HSA)?')).toBeNull();
    expect(item('You never reuse your work password on other sites')).toBeNull();
  });

  it('knows a UK taxpayer reference, German disability questions, and what a token may do', () => {
    expect(category({ label: 'Self Assessment Unique Taxpayer Reference (UTR)' })).toBe(
      'national-id',
    );
    expect(category({ label: 'Grad der Behinderung (GdB)' })).toBe('health');
    expect(
      category({ kind: 'choice', type: 'radio', label: 'Ja', nearby: 'Schwerbehinderung' }),
    ).toBe('health');
    expect(category({ label: 'Krankenkasse' })).toBeNull();
    expect(category({ label: 'Bot token scopes' })).toBeNull();
    expect(category({ label: 'Bot User OAuth Token' })).toBe('credential');
  });

  it('reads a Yes on its own row as the answer to that row question on a health page', () => {
    const dental: PageContext = {
      ...EMPTY_PAGE,
      heading: 'New patient form | Smile Dental Clinic',
    };
    const answer = (nearby: string, page: PageContext = dental) =>
      classifyField(field({ kind: 'choice', type: 'radio', label: 'Sim', nearby }), page).category;
    expect(answer('Do you play a team sport?')).toBe('health');
    expect(answer('Would you like a reminder by text message?')).toBeNull();
    expect(answer('Do you play a team sport?', EMPTY_PAGE)).toBeNull();
  });

  it('reads a mood check-in, a stress slider and Spanish illness lists as health', () => {
    const face = { kind: 'choice', type: 'radio', label: 'Great' } as const;
    expect(category({ ...face, section: 'How are you feeling right now?' })).toBe('health');
    expect(category({ ...face, section: 'How are you feeling about the new office?' })).toBeNull();
    const slider = { kind: 'choice', type: 'range' } as const;
    expect(category({ ...slider, label: 'Stress level (0 = none, 10 = extreme)' })).toBe('health');
    expect(category({ ...slider, label: 'Volume' })).toBeNull();
    const si = { kind: 'choice', type: 'radio', label: 'Sí' } as const;
    expect(category({ ...si, nearby: '6. Enfermedades del hígado o de los riñones' })).toBe(
      'health',
    );
    expect(category({ ...si, nearby: '¿Fuma o ha fumado en los últimos 12 meses?' })).toBe(
      'health',
    );
  });

  it('reads a menu answering a question under a hearing history as health', () => {
    const menu = (label: string, section: string) => category({ kind: 'select', label, section });
    expect(menu('Which ear do you hear better with?', 'Hearing history')).toBe('health');
    expect(menu('How did you hear about us?', 'Hearing history')).toBeNull();
    expect(menu('Como conheceu a clínica?', 'Saúde geral')).toBeNull();
    expect(menu('¿Cómo nos conoció?', 'Historia clínica')).toBeNull();
    expect(menu('Do you need an interpreter?', 'Hearing history')).toBeNull();
    expect(menu('Which ear do you hear better with?', 'Headphones')).toBeNull();
  });

  it('knows pain, screening items and suicide questions asked without the word', () => {
    const answer = { label: 'Neck', kind: 'choice', type: 'checkbox' } as const;
    expect(category({ ...answer, section: 'Where do you feel pain?' })).toBe('health');
    expect(
      category({
        kind: 'choice',
        type: 'radio',
        label: 'Little interest or pleasure in doing things Not at all',
      }),
    ).toBe('health');
    expect(
      category({
        kind: 'choice',
        type: 'radio',
        label: 'Trouble falling or staying asleep Several days',
      }),
    ).toBe('health');
    expect(
      category({
        kind: 'choice',
        type: 'radio',
        label: 'Yes',
        section: 'In the past month, have you had thoughts of ending your life?',
      }),
    ).toBe('health');
    // An insurance card's number on a patient's form; a car insurer's is not health.
    const policy = field({ label: 'Policy / ID #', section: 'Insurance Information' });
    const registration = { ...EMPTY_PAGE, heading: 'Patient Registration Form' };
    expect(classifyField(policy, registration).category).toBe('health');
    expect(classifyField(policy, { ...EMPTY_PAGE, heading: 'Report a claim' }).category).toBeNull();
  });

  it("leaves a buyer's pain points to the sales form", () => {
    expect(
      category({ kind: 'textarea', type: '', label: 'What are your biggest pain points today?' }),
    ).toBeNull();
    expect(
      category({ ...menu, label: 'Which pain point matters most?', section: 'About your team' }),
    ).toBeNull();
  });
});

describe('rules learned from held-out batch 13 (Angular, ASP.NET, MUI, Drupal, Workday, Salesforce)', () => {
  const menu = (label: string, options: string) =>
    category({ kind: 'select', type: '', label, options });

  it('reads a menu that says little by its choices, when most name health conditions', () => {
    const concerns = 'Anxiety · Depression · Insomnia · ADHD · Weight management';
    expect(menu('What would you like help with?', concerns)).toBe('health');
    expect(menu('', concerns)).toBe('health');
    // One health choice among others, places of care, an ordinary label that settles it.
    expect(menu('Type of leave', 'Vacation · Medical leave · Jury duty · Bereavement')).toBeNull();
    expect(
      menu('Reason for separation', 'Shortage of work · Illness or injury · Quit · Pregnancy'),
    ).toBeNull();
    expect(menu('Which team?', 'Cardiology · Oncology · Radiology')).toBeNull();
    expect(menu('Country', 'Anxiety · Depression')).toBeNull();
  });

  it('reads a member number as an insurance card only where the page is about health', () => {
    const member = field({ label: 'Member number' });
    const clinic = { ...EMPTY_PAGE, heading: 'Patient Registration Form' };
    expect(classifyField(member, clinic).category).toBe('health');
    const bank = { ...EMPTY_PAGE, heading: 'Dispute a card transaction' };
    expect(classifyField(member, bank).category).toBeNull();
    // The card's own words still say it.
    expect(category({ label: 'Member ID' })).toBe('health');
  });

  it('knows more places and kinds of care a page can be about', () => {
    const yes = {
      kind: 'choice',
      type: 'radio',
      label: 'Yes',
      section: 'Have you been here before?',
    } as const;
    const on = (heading: string) => classifyField(field(yes), { ...EMPTY_PAGE, heading }).category;
    for (const heading of [
      'Patient check-in',
      'Behavioral Health Intake',
      'Sleep study questionnaire',
      'Hearing test booking',
      'Consultorio médico – primera visita',
    ]) {
      expect(on(heading)).toBe('health');
    }
    // Not a hospital's careers page, a legal clinic or a shop.
    for (const heading of ['Careers at Mercy Hospital', 'Tenant legal clinic', 'Book a table']) {
      expect(on(heading)).toBeNull();
    }
  });

  it('knows tobacco and nicotine questions', () => {
    const answer = { kind: 'choice', type: 'radio', label: 'Yes' } as const;
    expect(
      category({
        ...answer,
        section: 'Have you used any tobacco or nicotine product in the past 12 months?',
      }),
    ).toBe('health');
  });
});

describe('rules learned from held-out batch 14 (confidential documents)', () => {
  it("reads a document editor's title box as naming the document", () => {
    expect(category({ label: 'Rename' }, undefined, true)).toBe('confidential');
    // Find and replace: what replaces the found words is written into the document.
    expect(category({ label: 'Replace with' }, undefined, true)).toBe('confidential');
    expect(category({ label: 'Find in document' }, undefined, true)).toBeNull();
    expect(category({ label: 'Replace with' })).toBeNull();
    expect(category({ label: 'Rename' }, undefined, false)).toBeNull();
    // A wiki page's title (held-out batch 104), on a confidential page only.
    expect(category({ label: 'Título de la página' }, undefined, true)).toBe('confidential');
    expect(category({ label: 'Page title' }, undefined, true)).toBe('confidential');
    expect(category({ label: 'Page title' })).toBeNull();
  });
});

describe('rules learned from held-out batch 15 (screenings, physicals, trackers, eye prescriptions)', () => {
  it("reads a prescription's expiry as the document's date, not health", () => {
    expect(category({ label: 'Prescription expiration date', type: 'date' })).toBeNull();
    expect(category({ label: 'Health card expiry date' })).toBeNull();
    // A date about the person's health still is.
    expect(category({ label: 'Date of diagnosis', type: 'date' })).toBe('health');
    expect(category({ label: 'Prescription date', type: 'date' })).toBe('health');
  });

  it.each([
    [{ label: 'Diastolic' }, 'health'],
    [{ label: 'Fasting glucose' }, 'health'],
    [{ label: 'HDL' }, 'health'],
    [{ kind: 'select', type: '', label: 'Right eye sphere' }, 'health'],
    [{ label: 'Pupillary distance (PD)' }, 'health'],
    [{ kind: 'choice', type: 'radio', label: "Didn't have sex" }, 'health'],
    [{ kind: 'choice', type: 'radio', label: 'No flow', section: 'Period' }, 'health'],
    [
      {
        kind: 'select',
        type: '',
        label: 'Contingencia',
        options: 'Enfermedad común · Accidente no laboral · Accidente de trabajo',
      },
      'health',
    ],
  ] as const)('%o is %s', (overrides, expected) => {
    expect(category(overrides)).toBe(expected);
  });

  it('reads a yes or no beside a question on a physical exam form as health', () => {
    const yes = { kind: 'choice', type: 'radio', label: 'Yes' } as const;
    const ppe = 'Pre-Participation Physical Evaluation – History Form';
    const asked = 'Has a doctor ever denied or restricted your participation in sports?';
    expect(onPage({ ...yes, section: asked }, ppe)).toBe('health');
    expect(onPage({ ...yes, section: asked }, 'Team registration')).toBeNull();
  });

  it('reads a waist measurement as health only among health questions', () => {
    const waist = field({ label: 'Waist circumference (in)' });
    expect(classifyField(waist, { ...EMPTY_PAGE, healthQuestions: true }).category).toBe('health');
    expect(classifyField(waist, EMPTY_PAGE).category).toBeNull();
  });
});

describe('rules learned from held-out batch 16 (pay, tax and identity pages of other countries)', () => {
  it.each([
    [{ label: 'SIN' }, 'national-id'],
    [{ name: 'sin' }, 'national-id'],
    [{ label: 'Bank Verification Number (BVN)' }, 'national-id'],
    [{ label: 'SS Number' }, 'national-id'],
    [{ label: 'Burgerservicenummer (BSN)' }, 'national-id'],
    [{ label: 'PESEL' }, 'national-id'],
    [{ label: 'Disbursement account (UMID-ATM or bank)' }, 'financial'],
    // "Sin" inside a Spanish label is "without".
    [{ label: 'Precio sin IVA' }, null],
    [{ label: 'Sin preferencia', kind: 'choice', type: 'radio' }, null],
    [{ name: 'precio_sin_iva' }, null],
  ] as const)('%o is %s', (overrides, expected) => {
    expect(category(overrides)).toBe(expected);
  });
});

describe('rules learned from held-out batch 18 (recovery phrases, routers, licences, SFTP)', () => {
  it.each([
    [{ label: 'License key' }, 'credential'],
    [{ label: 'Guest network key:' }, 'credential'],
    [{ nearby: 'Guest network key:', name: 'guest_key' }, 'credential'],
    [{ nearby: 'Room:', name: 'room_key' }, null],
    [
      {
        kind: 'textarea',
        type: '',
        label: 'Key file contents',
        placeholder: '-----BEGIN OPENSSH PRIVATE KEY-----',
      },
      'credential',
    ],
    // A numbered box says nothing itself: its group speaks.
    [{ label: '3.', section: 'Secret Recovery Phrase' }, 'credential'],
    [{ label: '3.', section: 'Delivery address' }, null],
    // The key column of a key/value editor is still ordinary.
    [{ label: 'Key' }, null],
  ] as const)('%o is %s', (overrides, expected) => {
    expect(category(overrides)).toBe(expected);
  });
});

describe('key/value editors (environment variables, CI and Kubernetes secrets)', () => {
  it.each([
    [{ label: 'Value', keyText: 'STRIPE_SECRET_KEY' }, 'credential'],
    [{ name: 'data[1].value', keyText: 'github-token' }, 'credential'],
    [{ label: 'Variable value', keyText: 'DB_PASSWORD' }, 'credential'],
    [{ label: 'Value', keyText: 'EMPLOYEE_SSN' }, 'national-id'],
    [{ label: 'Value', keyText: 'LOG_LEVEL' }, null],
    [{ label: 'Value', keyText: 'NODE_ENV' }, null],
    // Only a box that says it holds a value is named by a key before it.
    [{ label: 'Description', keyText: 'API_TOKEN' }, null],
  ] as const)('%o is %s', (overrides, expected) => {
    expect(category(overrides)).toBe(expected);
  });
});

describe('classifyField by value', () => {
  it('flags an SSN typed into an unlabelled notes box', () => {
    expect(
      category({ kind: 'textarea', label: 'Notes' }, 'Employee SSN 536-22-1234 for payroll'),
    ).toBe('national-id');
    const verdict = classifyField(
      field({ kind: 'textarea', label: 'Notes' }),
      undefined,
      'ssn 536-22-1234',
    );
    expect(verdict.reasons.join(' ')).toMatch(/SSN rules/);
  });

  it('needs a context word for a bare nine-digit number', () => {
    expect(category({ label: 'Reference' }, '536221234')).toBeNull();
    expect(category({ label: 'SSN' }, '536221234')).toBe('national-id');
    expect(category({ kind: 'textarea' }, 'my social security number is 536221234')).toBe(
      'national-id',
    );
    expect(category({ kind: 'textarea' }, 'call me at 536221234')).toBeNull();
  });

  it('keeps lookalike numbers in ordinary fields unflagged', () => {
    expect(category({ label: 'Order number' }, '4111 1111 1111 1111')).toBeNull();
    expect(category({ label: 'Tracking number' }, '536-22-1234')).toBeNull();
    expect(category({ label: 'Phone' }, '2125551234')).toBeNull();
    expect(category({ label: 'ZIP' }, '10001')).toBeNull();
  });

  it('recognises cards, IBANs and secrets on their own', () => {
    expect(category({}, '4111 1111 1111 1111')).toBe('financial');
    expect(category({}, 'DE89370400440532013000')).toBe('financial');
    expect(category({ label: 'Message', kind: 'textarea' }, 'key: AKIAIOSFODNN7EXAMPLE')).toBe(
      'credential',
    );
  });

  it('recognises health narrative', () => {
    expect(
      category(
        { kind: 'textarea', label: 'Notes' },
        'Diagnosed with asthma, takes albuterol 90 mcg',
      ),
    ).toBe('health');
    expect(
      category({ kind: 'textarea', label: 'Notes' }, 'Treatment of the data in the next sprint'),
    ).toBeNull();
  });

  it('reads a prescription medicine named in free text as health, an everyday word not', () => {
    expect(category({ kind: 'textarea', label: 'Notes' }, 'Started on amlodipine last week')).toBe(
      'health',
    );
    expect(
      category({ kind: 'textarea', label: 'Message' }, 'Can you cover my shift? Adderall refill'),
    ).toBe('health');
    expect(
      category({ kind: 'textarea', label: 'Notes' }, 'Bring Tylenol to the offsite'),
    ).toBeNull();
    // A medicine's name as a choice on a medication list.
    expect(category({ kind: 'choice', type: 'checkbox', label: 'Metformin' })).toBe('health');
  });

  it("reads a word a note uses only of a person's health alone, a general one not", () => {
    const note = (text: string) => category({ kind: 'textarea', label: 'Notes' }, text);
    expect(note('She is pregnant and due in March, requesting leave.')).toBe('health');
    expect(note('Mi esposa está embarazada, pido permiso.')).toBe('health');
    expect(note('I was diagnosed with it last year.')).toBe('health');
    expect(note('Out sick today with the flu.')).toBe('health');
    expect(note('Our diagnosis: the build server ran out of disk.')).toBeNull();
    expect(note('Flu shot clinic in the lobby Tuesday, sign up at the desk.')).toBeNull();
  });

  it("reads one medical word made someone's own in a note, and the same word about work not", () => {
    const note = (text: string) => category({ kind: 'textarea', label: 'Message' }, text);
    for (const text of [
      "Hi, I'll be out Monday for my colonoscopy, back Tuesday.",
      'Can we move my 1:1? I have a psychiatrist appointment at 3.',
      'Running late, my therapist moved our session',
      'I have the flu, working from home',
      'Mañana no vengo, tengo cita con el psiquiatra',
      "Her chemo starts next week so I'll need Fridays off",
    ]) {
      expect(note(text), text).toBe('health');
    }
    for (const text of [
      'Our cancer research grant was approved',
      'Please review the depression screening tool spec for the app',
      'My team is shipping the MRI scheduling feature',
      'I have a question about the HIV awareness campaign budget',
      'I work as a psychiatrist in Lyon.',
      'Hi all, COVID policy update attached.',
      'The clinic has a new MRI scanner',
      'Este mes la campaña de vacunación empieza',
    ]) {
      expect(note(text), text).toBeNull();
    }
    // A one-line value is more often a name than a note: a company, a blog.
    expect(category({ label: 'Business name' }, 'My Therapy Practice LLC')).toBeNull();
    expect(category({ label: 'Blog title' }, 'My migraine diaries')).toBeNull();
  });

  it('reads a diagnosis code with its decimal part after "Dx", and an EIN after its name', () => {
    expect(category({ kind: 'textarea', label: 'Notes' }, 'Dx: E11.9, follow up in 3 months')).toBe(
      'health',
    );
    expect(category({ kind: 'textarea', label: 'Notes' }, 'Seat E11 on the 9:40 train')).toBeNull();
    expect(category({ kind: 'textarea', label: 'Notes' }, 'Our EIN 12-3456789 for the W-9')).toBe(
      'national-id',
    );
    expect(category({ kind: 'textarea', label: 'Notes' }, 'Invoice 12-3456789 paid')).toBeNull();
  });

  it('never puts the value in a reason', () => {
    const verdict = classifyField(field({ kind: 'textarea' }), undefined, 'SSN 536-22-1234');
    expect(JSON.stringify(verdict)).not.toContain('536');
  });
});

describe('held-out batch 25: an adverse-event report, a prior authorization, a vet, a review', () => {
  const medwatch = 'MedWatch: The FDA Safety Information and Adverse Event Reporting Program';

  it('reads a drug report as health: its title, its lab data, a medicine strength and frequency', () => {
    expect(
      onPage({ label: 'Why was the person using the product? (what condition)' }, medwatch),
    ).toBe('health');
    expect(onPage({ label: 'Strength', placeholder: 'e.g. 250 mg' }, medwatch)).toBe('health');
    expect(onPage({ label: 'Frequency' }, medwatch)).toBe('health');
    expect(category({ label: 'Relevant tests or laboratory data', kind: 'textarea' })).toBe(
      'health',
    );
    expect(category({ label: 'Describe the side effects', kind: 'textarea' })).toBe('health');
    // Elsewhere a strength or a frequency is a password's or a radio's.
    expect(onPage({ label: 'Strength' }, 'Create your account')).toBeNull();
    expect(onPage({ label: 'Frequency' }, 'Station settings')).toBeNull();
  });

  it('reads "Are you a health professional?" as a question about a job', () => {
    const yes = { kind: 'choice', type: 'radio', label: 'Yes' } as const;
    expect(onPage({ ...yes, nearby: 'Are you a health professional?' }, medwatch)).toBeNull();
    expect(
      onPage(
        { ...yes, nearby: 'Are you a health professional?', section: `Section F · ${medwatch}` },
        medwatch,
      ),
    ).toBeNull();
    expect(
      onPage(
        { ...yes, nearby: 'Were you hospitalized?', section: `Section F · ${medwatch}` },
        medwatch,
      ),
    ).toBe('health');
  });

  it("makes a payer's outpatient authorization a health page, and reads no menu of code kinds as health", () => {
    const auth = 'Authorizations – Provider Portal · Outpatient Authorization Request';
    expect(onPage({ label: 'Group number' }, auth)).toBe('health');
    expect(onPage({ label: 'Group number' }, 'Team settings')).toBeNull();
    const menu = { kind: 'select', label: 'Code type' } as const;
    expect(onPage({ ...menu, options: 'CPT · HCPCS' }, auth)).toBeNull();
    expect(
      onPage({ ...menu, options: 'Member ID · Medicare number · Medicaid ID' }, auth),
    ).toBeNull();
    expect(category({ kind: 'select', label: 'Topic', options: 'Asthma · Diabetes · Other' })).toBe(
      'health',
    );
  });

  it("reads nothing at an animal hospital as a person's health, but keeps an animal bite report", () => {
    const vet = 'New Client & Patient Registration | Riverside Animal Hospital';
    expect(
      onPage({ label: 'Current medications and supplements', kind: 'textarea' }, vet),
    ).toBeNull();
    expect(onPage({ label: 'Known allergies' }, vet)).toBeNull();
    expect(onPage({ label: 'Known allergies' }, 'Animal bite report')).toBe('health');
  });

  it('knows German account words and that evidence in a review is prose', () => {
    expect(category({ label: 'Kontonummer' })).toBe('financial');
    expect(category({ label: 'Bankleitzahl (BLZ)' })).toBe('financial');
    expect(category({ label: 'Kreditkartennummer' })).toBe('financial');
    expect(category({ label: 'Collaboration evidence' }, undefined, true)).toBe('confidential');
    expect(category({ label: 'Collaboration evidence' })).toBeNull();
  });
});

describe("held-out batch 26: an airline's assistance request and a Medical ID", () => {
  const assistance = 'Special assistance request · Medical needs';

  it("reads an animal's own measure as the animal's, wherever it is asked", () => {
    expect(onPage({ label: "Dog's weight" }, 'Patient intake')).toBeNull();
    expect(onPage({ label: 'Peso de tu mascota' }, 'Historia clínica')).toBeNull();
    expect(onPage({ label: 'Weight', section: "Your pet's health history" }, 'Intake')).toBeNull();
    // The person's own, even when an animal is named.
    expect(onPage({ label: 'Weight' }, 'Patient intake')).toBe('health');
    expect(category({ label: 'Allergic to cats?', kind: 'choice', type: 'checkbox' })).toBe(
      'health',
    );
  });

  it('knows sight, hearing and organ donation, and a blind copy as an email', () => {
    const box = { kind: 'choice', type: 'checkbox' } as const;
    expect(onPage({ ...box, label: 'I am blind or have low vision' }, assistance)).toBe('health');
    expect(onPage({ ...box, label: 'I am deaf or hard of hearing' }, assistance)).toBe('health');
    expect(onPage({ label: 'Organ donor' }, 'Medical ID')).toBe('health');
    expect(onPage({ label: 'Organ donor' }, 'Driver license renewal')).toBeNull();
    expect(category({ label: 'Blind copy (Bcc)' })).toBeNull();
  });
});

describe('held-out batch 27: care needs, Japanese IDs and a laptop', () => {
  it('reads a care request: dependency, continence, memory, falls, a stay in hospital', () => {
    const dependency = '2. Situación de dependencia';
    expect(category({ kind: 'select', label: 'Movilidad', section: dependency })).toBe('health');
    expect(category({ kind: 'select', label: 'Dieta especial', section: dependency })).toBe(
      'health',
    );
    expect(category({ kind: 'select', label: 'Movilidad', section: 'Beneficios' })).toBeNull();
    // Beside a weight, a menu picks the unit.
    expect(category({ label: 'Weight', kind: 'select', section: 'Vitals' })).toBeNull();
    const no = { kind: 'choice', type: 'radio', label: 'No' } as const;
    expect(category({ ...no, section: '¿Presenta incontinencia?' })).toBe('health');
    expect(category({ ...no, section: '¿Tiene deterioro cognitivo?' })).toBe('health');
    expect(category({ kind: 'select', label: 'Have they fallen in the past 6 months?' })).toBe(
      'health',
    );
    expect(onPage({ label: 'Due date' }, 'Pay your bill')).toBeNull();
    expect(category({ label: 'Expected due date', section: 'Pregnancy' })).toBe('health');
    expect(category({ label: 'Invoice due date', section: 'Billing' })).toBeNull();
  });

  it("knows Japan's My Number, pension number, residence card and bank codes", () => {
    expect(category({ label: 'My Number (Individual Number)' })).toBe('national-id');
    expect(category({ label: "Dependent's My Number" })).toBe('national-id');
    expect(category({ label: 'Basic Pension Number' })).toBe('national-id');
    expect(category({ label: 'Residence card number (foreign nationals)' })).toBe('national-id');
    expect(category({ label: 'Bank code' })).toBe('financial');
    expect(category({ label: 'Branch code' })).toBe('financial');
  });

  it("reads a laptop's symptoms and diagnostics as the laptop's, and what a person types there", () => {
    const it = 'Report a problem – IT Service Portal · Report a problem with my laptop';
    expect(onPage({ label: 'Describe the symptoms', kind: 'textarea' }, it)).toBeNull();
    expect(onPage({ label: 'Error or diagnostic code shown' }, it)).toBeNull();
    expect(onPage({ label: 'Battery health' }, 'Device settings')).toBeNull();
    expect(onPage({ label: 'Describe the symptoms', kind: 'textarea' }, 'Urgent care')).toBe(
      'health',
    );
    expect(
      classifyField(
        field({ label: 'What have you tried already?', kind: 'textarea' }),
        { ...EMPTY_PAGE, heading: it },
        'I was diagnosed with carpal tunnel syndrome, ICD-10 G56.00',
      ).category,
    ).toBe('health');
  });
});

describe('held-out batch 28: credentials, a visa and a sealed filing', () => {
  it('reads the name a security question asks for as its answer, and not the question kind', () => {
    expect(category({ label: 'What was the name of your first elementary school?' })).toBe(
      'credential',
    );
    expect(category({ kind: 'select', label: 'Security question type' })).toBeNull();
  });

  it("keeps a credential's ID apart from its secret under a credentials heading", () => {
    const jenkins = 'New credentials [Jenkins]';
    expect(onPage({ label: 'ID', section: 'New credentials' }, jenkins)).toBeNull();
    expect(onPage({ label: 'Secret', section: 'New credentials' }, jenkins)).toBe('credential');
  });

  it('knows door codes, a national identity no. and an exhibit of a sealed filing', () => {
    expect(category({ label: 'Entry code' })).toBe('credential');
    expect(category({ label: 'Alarm code' })).toBe('credential');
    expect(category({ label: 'Door code' })).toBeNull();
    expect(category({ label: '1.8 National Identity No.' })).toBe('national-id');
    const sealed = 'Motion to Compel (SEALED)';
    expect(onPage({ label: 'Exhibit title' }, sealed, true)).toBe('confidential');
    expect(onPage({ label: 'Exhibit title' }, sealed)).toBeNull();
  });
});

describe('a follow-up holds the rest of the answer to the question before it', () => {
  it('passes health through whatever the follow-up names, other categories only through generic words', () => {
    const medical = 'Does your baby need a special formula for a medical reason?';
    expect(category({ label: 'If yes, formula name', questionBefore: medical })).toBe('health');
    expect(
      category({ label: 'If yes, formula name', questionBefore: 'Need a gift box?' }),
    ).toBeNull();
    const registration = 'Have you ever held a Korean Resident Registration Number?';
    expect(category({ label: 'If yes, write the number', questionBefore: registration })).toBe(
      'national-id',
    );
    expect(
      category({ label: 'If yes, name of the issuing office', questionBefore: registration }),
    ).toBeNull();
    // Not a follow-up: its own words decide.
    expect(category({ label: 'Formula name', questionBefore: medical })).toBeNull();
  });
});

describe("held-out batch 29: a German GP's anamnesis", () => {
  const praxis = 'Online-Anamnesebogen – Hausarztpraxis Dr. med. Keller';

  it('reads German history, surgery, smoking, pregnancy and the insurance number', () => {
    expect(category({ label: 'Grund Ihres Besuchs', kind: 'textarea' })).toBe('health');
    expect(category({ label: 'Vorerkrankungen', kind: 'textarea' })).toBe('health');
    expect(category({ label: 'Frühere Operationen', kind: 'textarea' })).toBe('health');
    expect(
      category({ kind: 'choice', type: 'radio', label: 'Nein', section: 'Rauchen Sie?' }),
    ).toBe('health');
    expect(
      category({ kind: 'choice', type: 'radio', label: 'Ja', section: 'Sind Sie schwanger?' }),
    ).toBe('health');
    expect(category({ label: 'Versichertennummer' })).toBe('health');
    expect(category({ label: 'Krankenkasse' })).toBeNull();
  });

  it('reads a height or weight in German as health on a practice page only', () => {
    expect(onPage({ label: 'Größe (cm)' }, praxis)).toBe('health');
    expect(onPage({ label: 'Gewicht (kg)' }, praxis)).toBe('health');
    expect(onPage({ label: 'Größe' }, 'Damenmode – Jacken')).toBeNull();
  });
});

describe('held-out batch 30: traps for health and credential words', () => {
  it("reads a password policy's settings as numbers about passwords", () => {
    const number = { kind: 'number', type: 'number' } as const;
    expect(category({ ...number, label: 'Minimum password length' })).toBeNull();
    expect(category({ ...number, label: 'Password expires after (days)' })).toBeNull();
    expect(category({ label: 'Password history' })).toBeNull();
    expect(category({ label: 'Previous password', kind: 'password', type: 'password' })).toBe(
      'credential',
    );
    // A card's expiry is still the card's; a passport's is a date.
    expect(category({ label: 'Credit card expires' })).toBe('financial');
    expect(category({ label: 'Passport expires' })).toBeNull();
  });

  it("reads a plant's symptoms and a recipe's allergens as theirs", () => {
    const garden = 'Ask the Plant Doctor | Greenleaf Garden Center';
    expect(onPage({ label: 'Describe the symptoms', kind: 'textarea' }, garden)).toBeNull();
    const recipe = 'Submit a recipe | Weeknight Kitchen';
    const box = { kind: 'choice', type: 'checkbox', name: 'allergens', label: 'Peanuts' } as const;
    expect(onPage({ ...box, nearby: 'This recipe contains these allergens' }, recipe)).toBeNull();
    expect(onPage({ ...box, nearby: 'Known allergens' }, 'Patient intake')).toBe('health');
  });
});

describe('held-out batch 31: a Brazilian bank account', () => {
  it('knows a branch, an account and its digit in Portuguese, and not an agency', () => {
    expect(category({ label: 'Agência (sem dígito)' })).toBe('financial');
    expect(category({ label: 'Número da conta' })).toBe('financial');
    expect(category({ label: 'Dígito da conta' })).toBe('financial');
    expect(category({ label: 'Agência' })).toBeNull();
    expect(category({ kind: 'select', label: 'Tipo de conta' })).toBeNull();
  });
});

describe('held-out batch 34: English forms from more countries', () => {
  it('knows identity cards named after their country', () => {
    expect(category({ label: 'Emirates ID number' })).toBe('national-id');
    expect(category({ label: 'South African ID number' })).toBe('national-id');
    expect(category({ label: 'Civil ID' })).toBe('national-id');
    expect(category({ label: 'Emirates ID expiry date', type: 'date' })).toBeNull();
  });

  it("reads a health card's number as health, a payment card's as financial", () => {
    expect(category({ label: 'Current EHIC card number (if renewing)' })).toBe('health');
    expect(category({ label: 'Medical card or GP visit card number (if you have one)' })).toBe(
      'health',
    );
    expect(category({ label: 'NHI number (if known)' })).toBe('health');
    expect(category({ label: 'MBS item number' })).toBe('health');
    expect(category({ label: 'Card number' })).toBe('financial');
  });

  it("reads a scheme's, a practice's and Medicare's numbers as health on a health page only", () => {
    const scheme = 'Submit a claim | Fynbos Health Medical Scheme · Submit a claim';
    for (const label of ['Membership number', 'Practice number', 'Tariff code']) {
      expect(onPage({ label }, scheme)).toBe('health');
      expect(onPage({ label }, 'Import declaration | Customs portal')).toBeNull();
    }
    expect(onPage({ label: 'Individual reference number (IRN)' }, 'Make a Medicare claim')).toBe(
      'health',
    );
    expect(onPage({ label: 'IRN' }, 'Generate an e-invoice | GST portal')).toBeNull();
  });
});

describe('a sign-in code that is called a security code', () => {
  it('reads a security code sent by text or email, or from an authenticator, as a one-time code', () => {
    expect(category({ label: 'Enter the security code we sent to your phone' })).toBe('credential');
    expect(category({ label: 'Security code sent to j***@example.com' })).toBe('credential');
    expect(category({ label: 'We sent a security code to your email. Enter it below.' })).toBe(
      'credential',
    );
    expect(category({ label: 'Security code from your authenticator app' })).toBe('credential');
    expect(category({ label: 'One-time security code' })).toBe('credential');
    expect(category({ label: 'Enter the code we texted to (•••) •••-1234' })).toBe('credential');
    expect(category({ label: 'Código de seguridad enviado a tu celular' })).toBe('credential');
  });

  it("still reads a card's security code as financial", () => {
    expect(category({ label: 'Security code' })).toBe('financial');
    expect(category({ label: 'Card security code' })).toBe('financial');
    expect(category({ label: 'Security code (3 digits on the back of your card)' })).toBe(
      'financial',
    );
    expect(category({ label: 'Código de seguridad' })).toBe('financial');
  });
});

describe('held-out batch 35: maternity, drinking, end of life, glucose and UPI', () => {
  const answer = (label: string, question: string) =>
    ({
      kind: 'choice',
      type: 'radio',
      name: 'q',
      label,
      nearby: question,
      section: question,
    }) as const;

  it('reads pregnancy history, drinking, end-of-life wishes and ketones as health', () => {
    expect(category({ label: 'How many babies have you given birth to?', type: 'number' })).toBe(
      'health',
    );
    expect(category({ kind: 'choice', type: 'checkbox', label: 'I am taking folic acid' })).toBe(
      'health',
    );
    expect(
      category(answer('Monthly or less', '1. How often do you have a drink containing alcohol?')),
    ).toBe('health');
    expect(category(answer('No (Do Not Resuscitate)', 'End-of-life decisions'))).toBe('health');
    expect(category({ label: 'Ketones' })).toBe('health');
  });

  it('reads CPR as health on a health page only', () => {
    const question = 'If my heart stops, do I want cardiopulmonary resuscitation (CPR)?';
    const wish = {
      ...answer('Yes', question),
      name: 'cpr',
      section: `${question} · Part 2: Instructions for health care · Advance Health Care Directive`,
    };
    const directive = {
      ...EMPTY_PAGE,
      heading: 'Advance Health Care Directive',
      healthQuestions: true,
    };
    expect(classifyField(field(wish), directive).category).toBe('health');
    const skill = { ...answer('Yes', 'Are you certified in CPR?'), name: 'cpr' };
    expect(onPage(skill, 'Lifeguard application')).toBeNull();
  });

  it("reads India's UPI ID as a bank account's", () => {
    expect(category({ label: 'UPI ID (optional)', placeholder: 'name@bank' })).toBe('financial');
    expect(category({ label: 'Virtual payment address' })).toBe('financial');
  });
});

describe('held-out batch 38: boxes that comment on a document, in German, French and Portuguese', () => {
  it('reads them as confidential on a confidential page, and as nothing elsewhere', () => {
    for (const label of ['Aufgabe zu diesem Protokoll', 'Ajouter une remarque', 'Observações']) {
      expect(category({ label }, undefined, true)).toBe('confidential');
      expect(category({ label })).toBeNull();
    }
    expect(category({ label: 'Verantwortlich' }, undefined, true)).toBeNull();
  });
});

describe('held-out batch 39: a pet health app', () => {
  it("reads a brand's words written together, so a pet app's log is the pet's", () => {
    const meds = { label: 'Medications given' };
    expect(onPage(meds, "Biscuit's health log | PetPal · Biscuit's health log")).toBeNull();
    expect(onPage(meds, 'Health log | CarePal · Health log')).toBe('health');
    // A PET scan is still a person's.
    expect(onPage(meds, 'Prepare for your PETScan | Imaging')).toBe('health');
  });

  it("reads the vet as an animal's doctor, and the Vet Center as a veteran's care", () => {
    expect(
      category({ label: 'Anything your vet should know about their medications?' }),
    ).toBeNull();
    expect(category({ label: 'Anything your doctor should know about your medications?' })).toBe(
      'health',
    );
    expect(category({ label: 'Which Vet Center did you visit for counseling?' })).toBe('health');
  });
});

describe('held-out batch 40: sign-in codes as providers draw them', () => {
  it('reads a box per digit as part of a one-time code only under a one-time code', () => {
    const digit = { label: 'Digit 1', maxLength: 1, type: 'tel' } as const;
    expect(
      category({ ...digit, section: 'Enter verification code · Two-Factor Authentication' }),
    ).toBe('credential');
    expect(category({ ...digit, section: 'Date of birth (DD MM YYYY) · Your details' })).toBeNull();
    expect(
      category({ ...digit, maxLength: -1, section: 'Enter verification code · Sign in' }),
    ).toBeNull();
  });

  it('reads the sentence above a sign-in box as naming a one-time code', () => {
    expect(
      category({ label: 'We texted your phone +X XXXXXXXX47. Please enter the code to sign in.' }),
    ).toBe('credential');
  });
});

describe('held-out batch 41: money pages', () => {
  it("reads an expiry box right after a card number's as the card's", () => {
    const expires = { placeholder: 'Expires', name: 'expiry' };
    expect(category({ ...expires, questionBefore: 'Card number' })).toBe('financial');
    expect(category({ ...expires, questionBefore: 'Passport number' })).toBeNull();
    expect(category(expires)).toBeNull();
  });

  it("reads a lender's loan number as an account's", () => {
    expect(category({ label: 'Loan number', inputMode: 'numeric' })).toBe('financial');
    expect(category({ label: 'Invoice number' })).toBeNull();
  });
});

describe('held-out batch 42: Spanish health pages', () => {
  it('reads a prenatal visit and a mood questionnaire in Spanish as health', () => {
    for (const label of [
      'Fecha de última menstruación (FUM)',
      'Semanas de gestación',
      'Partos',
      'Cesáreas',
      'Grupo sanguíneo y factor Rh',
      '1. Poco interés o placer en hacer cosas',
      '3. Dificultad para dormir o permanecer dormido(a)',
    ]) {
      expect(category({ label })).toBe('health');
    }
  });

  it("reads a Chilean insurer's prestación as health on its page only", () => {
    expect(onPage({ label: 'Prestación' }, 'Solicitar reembolso | Isapre Andes')).toBe('health');
    expect(onPage({ label: 'Prestación' }, 'Solicitud de prestación por desempleo')).toBeNull();
  });
});

describe('held-out batch 43: everyday words that look sensitive', () => {
  it("reads an OAuth client's public ID as nothing, whatever its box is called, and its secret as a credential", () => {
    expect(category({ label: 'Client ID', id: 'cid', name: 'clientID' })).toBeNull();
    expect(category({ label: 'Application (client) ID', name: 'appId' })).toBeNull();
    expect(category({ label: 'Client secret', name: 'clientSecret' })).toBe('credential');
    // Without the label, the box's name still speaks.
    expect(category({ id: 'cid' })).toBe('financial');
  });

  it("reads a router's routing table as nothing and a bank's routing number as financial", () => {
    expect(category({ nearby: 'Routing table', kind: 'select' })).toBeNull();
    expect(category({ nearby: 'Routing' })).toBe('financial');
  });

  it("reads a garage's diagnosis as a car's, and a hernia repair's as a person's", () => {
    const diagnosis = { label: "Technician's diagnosis", kind: 'textarea' as const };
    expect(onPage(diagnosis, 'New repair order – Torque Garage')).toBeNull();
    expect(onPage(diagnosis, 'Repair estimate · Main St Mechanic')).toBeNull();
    expect(onPage(diagnosis, 'Hernia repair – pre-operative questions')).toBe('health');
  });
});

describe('held-out batch 44: US life-event and legal paperwork', () => {
  it("reads a box marked only with a list's letter by its section, as one marked with a number", () => {
    const section = '21. Diagnosis or Nature of Illness or Injury (ICD Ind. 0)';
    expect(category({ label: 'A.', section })).toBe('health');
    expect(category({ label: '(b)', section })).toBe('health');
    expect(category({ label: 'Ab.', section })).toBeNull();
  });

  it('reads the claim forms a practice bills on as health pages', () => {
    const box11 = { label: "11. Insured's Policy Group or FECA Number" };
    expect(onPage(box11, 'Professional Claim (CMS-1500) – ClearBill')).toBe('health');
    expect(onPage(box11, 'Commercial property policy – renewal')).toBeNull();
  });

  it("reads a cause of death, a committal and a firearms record's alien number", () => {
    expect(category({ label: 'Cause of death (as shown on the death certificate)' })).toBe(
      'health',
    );
    expect(category({ label: 'Date of death', type: 'date' })).toBeNull();
    expect(
      category({
        label: 'Yes',
        kind: 'choice',
        nearby: 'Have you ever been committed to a mental institution?',
      }),
    ).toBe('health');
    expect(
      category({
        label: 'If you are not a U.S. citizen, what is your U.S.-issued alien or admission number?',
      }),
    ).toBe('national-id');
    expect(category({ label: 'Federal Tax I.D. Number' })).toBe('national-id');
  });
});

describe('held-out batch 45: Spanish money, work and sign-in pages', () => {
  it("reads the box after a security-question menu as that question's answer, in English and Spanish", () => {
    const questions = 'Where did you go on your honeymoon? · Who was your hero as a child?';
    const preguntas = '¿Cuál fue el nombre de tu primera mascota? · ¿En qué ciudad nació tu madre?';
    expect(
      category({ label: 'Answer', companion: questions, questionBefore: 'Security question' }),
    ).toBe('credential');
    expect(
      category({
        label: 'Respuesta',
        companion: preguntas,
        questionBefore: 'Pregunta de seguridad',
      }),
    ).toBe('credential');
    expect(category({ label: 'Respuesta', section: 'Pregunta de seguridad' })).toBe('credential');
    // A question the person writes themselves.
    expect(category({ label: 'Answer', questionBefore: 'Your own security question' })).toBe(
      'credential',
    );
    expect(
      category({
        label: 'Answer',
        companion: 'Friend · Podcast · Search',
        questionBefore: 'How did you hear about us?',
      }),
    ).toBeNull();
  });

  it('still reads a reply written on a confidential document as confidential', () => {
    const reply = { label: 'Respuesta', kind: 'textarea' as const };
    expect(onPage(reply, 'Acta del consejo – CONFIDENCIAL', true)).toBe('confidential');
  });
});

describe('a number box', () => {
  it('holds a count when its label says more than the name of a secret, and still a PIN or a code', () => {
    expect(category({ label: 'Remember previous passwords', type: 'number' })).toBeNull();
    expect(category({ label: 'Remember previous passwords' })).toBe('credential');
    expect(category({ label: 'Password', type: 'number' })).toBe('credential');
    expect(category({ label: 'Enter your card PIN', type: 'number' })).toBe('credential');
    expect(category({ label: 'Enter the verification code', type: 'number' })).toBe('credential');
  });
});

describe('held-out batch 49: the books, a card expense, childcare and a university', () => {
  it("reads an account number in a journal entry or a chart of accounts as a ledger code, and a bank's as a bank's", () => {
    const accountNumber = { label: 'Line 1 account number' };
    expect(onPage(accountNumber, 'New journal entry – Ledgerly')).toBeNull();
    expect(onPage({ label: 'Account number' }, 'Chart of accounts · New account')).toBeNull();
    expect(onPage({ label: 'Account number' }, 'Set up direct deposit')).toBe('financial');
    expect(onPage({ label: 'Bank account number' }, 'Chart of accounts · New account')).toBe(
      'financial',
    );
    expect(
      onPage(
        { label: 'Account number', section: 'For Bank accounts only' },
        'Chart of accounts · New account',
      ),
    ).toBe('financial');
    expect(onPage({ label: 'Card number' }, 'New journal entry')).toBe('financial');
  });

  it("leaves a card's last four digits alone, as every receipt prints them", () => {
    expect(category({ label: "Card's last 4 digits (if not listed)" })).toBeNull();
    expect(category({ label: 'Card number' })).toBe('financial');
  });
});

describe('held-out batch 50: documents in a wiki and a drive', () => {
  it('reads the note saved with a version of a confidential document as confidential', () => {
    for (const label of ['What did you change?', 'Version comment', 'Commit message']) {
      expect(onPage({ label }, 'Project Falcon – acquisition diligence', true)).toBe(
        'confidential',
      );
      expect(onPage({ label }, 'Harbor Robotics – release notes')).toBeNull();
    }
  });
});

describe('held-out batch 51: English forms from Indonesia, the Philippines, Kenya, Canada and South Asia', () => {
  it('knows their national, tax and health numbers', () => {
    expect(category({ label: 'NIK (16-digit number on your e-KTP)' })).toBe('national-id');
    expect(category({ label: 'NPWP (taxpayer number), if you have one' })).toBe('national-id');
    expect(category({ label: 'PhilSys Card Number (PCN)' })).toBe('national-id');
    expect(category({ label: 'NSSF number' })).toBe('national-id');
    expect(category({ label: "Recipient's NID number (Bangladesh)" })).toBe('national-id');
    expect(category({ label: 'NIC' })).toBe('national-id');
    expect(category({ label: 'NIC teaming mode', kind: 'select' })).toBeNull();
    expect(category({ label: 'BPJS Kesehatan card number' })).toBe('health');
    expect(category({ label: 'NHIF / SHA number' })).toBe('health');
    expect(category({ label: 'Alberta Personal Health Number (AHCIP)' })).toBe('health');
    expect(category({ label: 'RAMQ health insurance number' })).toBe('health');
  });

  it("reads Kenya's KRA PIN as a tax number, not a secret", () => {
    expect(category({ label: 'KRA PIN', name: 'kraPin' })).toBe('national-id');
    expect(category({ label: 'Card PIN', name: 'pin' })).toBe('credential');
  });

  it('lets the words beside a box outrank an abbreviation in its name that they explain', () => {
    const philhealth = { nearby: 'PhilHealth Identification Number (PIN)', name: 'pin' };
    expect(category({ ...philhealth, placeholder: '00-000000000-0' })).toBe('health');
    // Words that name nothing leave the name to speak.
    expect(category({ label: 'Number', name: 'pin' })).toBe('credential');
    expect(category({ label: 'Social Security number', name: 'acct' })).toBe('national-id');
  });
});

describe('held-out batch 52: identity and health numbers of more countries', () => {
  it('knows them', () => {
    for (const label of [
      'Citizen identity card (CCCD) number',
      'Social insurance (BHXH) number',
      'Personal tax code (MST)',
      'Centrelink Customer Reference Number (CRN)',
      'NIP (tax identification number)',
    ]) {
      expect(category({ label })).toBe('national-id');
    }
    for (const label of [
      'Individual Healthcare Identifier (IHI)',
      'DVA file number (veterans)',
      'CHI number (Scotland)',
      'H&C number (Northern Ireland)',
      'Tessera sanitaria number',
    ]) {
      expect(category({ label })).toBe('health');
    }
    // A Spanish or French NIP is still a PIN.
    expect(category({ label: 'NIP' })).toBe('credential');
  });

  it("reads a RIB as a bank account's only when it is the whole name", () => {
    expect(category({ label: 'RIB of your current bank (24 digits)', name: 'rib' })).toBe(
      'financial',
    );
    expect(category({ label: 'Have you ever broken a rib?', kind: 'choice' })).toBeNull();
  });
});

describe('identity numbers of more countries', () => {
  it.each([
    'Personal identity code (henkilötunnus)',
    'Voter ID number',
    'Personalausweisnummer',
    'Steuernummer',
    'Rentenversicherungsnummer',
    "Numero carta d'identità",
    'Numéro INSEE',
    'SNILS',
    'TCKN',
    'Omang',
    'NRC number',
    'NIDA number',
    'Fayda number',
    'MyKad number',
    'Taiwan ID number',
  ])('reads %s as a national ID', (label) => {
    expect(category({ label })).toBe('national-id');
  });
});

describe('the text beside an unlabelled box', () => {
  it('is read as a label is: an ordinary thing first, then whose it is, asks for that thing', () => {
    expect(category({ nearby: 'Full name (as in MyKad)' })).toBeNull();
    expect(category({ label: 'Full name (as in MyKad)' })).toBeNull();
    expect(category({ nearby: 'MyKad number' })).toBe('national-id');
  });
});

describe('held-out batch 53: signing in in German, Portuguese and French', () => {
  it('knows their passwords, codes and security questions', () => {
    for (const label of [
      'Neues Passwort',
      'Passwort wiederholen',
      'Kennwort',
      'Bestätigungscode aus der SMS',
      'Senha',
      'Código de verificação',
      'Code de sécurité reçu par SMS',
      'TAN',
      'photoTAN',
    ]) {
      expect(category({ label })).toBe('credential');
    }
    expect(category({ label: 'Antwort', section: 'Sicherheitsfrage' })).toBe('credential');
    // India's TAN inside a longer label is an employer's tax number, not a code.
    expect(category({ label: 'TAN of the employer' })).toBeNull();
  });

  it('reads "ein" as an employer identification number only when written EIN', () => {
    expect(category({ label: 'Employer EIN' })).toBe('national-id');
    expect(category({ name: 'ein' })).toBe('national-id');
    expect(
      category({ nearby: 'Bitte geben Sie die Nummer aus Ihrer App ein.', kind: 'textarea' }),
    ).toBeNull();
  });
});

describe('held-out batch 54: Dutch pages', () => {
  it("knows a GP practice's health questions and a sign-in's secrets in Dutch", () => {
    expect(category({ label: 'Welke medicijnen gebruikt u?', kind: 'textarea' })).toBe('health');
    expect(category({ label: 'Allergieën' })).toBe('health');
    expect(category({ label: 'Heeft u chronische klachten of aandoeningen?' })).toBe('health');
    expect(onPage({ label: 'Polisnummer' }, 'Inschrijven – Huisartsenpraktijk De Linde')).toBe(
      'health',
    );
    expect(onPage({ label: 'Polisnummer' }, 'Autoverzekering afsluiten')).toBeNull();
    expect(category({ label: 'Nieuw wachtwoord' })).toBe('credential');
    expect(category({ label: 'Verificatiecode' })).toBe('credential');
  });
});

describe('held-out batches 55-56: labels in other scripts', () => {
  it.each([
    ['個人番号（マイナンバー）', 'national-id'],
    ['基礎年金番号', 'national-id'],
    ['주민등록번호', 'national-id'],
    ['身份证号码', 'national-id'],
    ['身分證字號', 'national-id'],
    ['СНИЛС', 'national-id'],
    ['Серия и номер паспорта', 'national-id'],
    ['ΑΦΜ', 'national-id'],
    ['رقم الهوية الوطنية / الإقامة', 'national-id'],
    ['מספר תעודת זהות', 'national-id'],
    ['आधार संख्या', 'national-id'],
    ['เลขประจำตัวประชาชน', 'national-id'],
    ['振込先口座番号', 'financial'],
    ['계좌번호', 'financial'],
    ['银行卡号', 'financial'],
    ['Номер карты', 'financial'],
    ['رقم الآيبان', 'financial'],
    ['खाता संख्या', 'financial'],
    ['既往歴', 'health'],
    ['現在服用中のお薬', 'health'],
    ['약물 알레르기', 'health'],
    ['是否有慢性病或重大疾病史', 'health'],
    ['Хронические заболевания', 'health'],
    ['תרופות קבועות', 'health'],
    ['健保卡號', 'health'],
    ['Номер полиса ОМС', 'health'],
    ['ワンタイムパスワード', 'credential'],
    ['인증번호', 'credential'],
    ['短信验证码', 'credential'],
    ['Код из СМС', 'credential'],
    ['Κωδικός πρόσβασης', 'credential'],
    ['كلمة المرور', 'credential'],
    ['קוד אימות שנשלח לנייד', 'credential'],
    ['合言葉の答え', 'credential'],
    ['暗証番号（4桁）', 'credential'],
    // Held-out batch 58, pages the phrases were not written from.
    ['傷病名', 'health'],
    ['证件号码', 'national-id'],
    ['手术史', 'health'],
    ['رقم بطاقة التأمين الصحي', 'health'],
    ['هل تعاني من أمراض مزمنة؟', 'health'],
    ['کد ملی', 'national-id'],
    ['شماره شبا', 'financial'],
    ['رمز عبور', 'credential'],
    ['מספר סניף', 'financial'],
    ['เลขบัตรประจำตัวประชาชน 13 หลัก', 'national-id'],
    // Held-out batch 61, a second check in other domains.
    ['رقم بطاقة الهوية', 'national-id'],
    ['医药费用总金额', 'health'],
    ['תיאור הפגיעה ואופן קרותה', 'health'],
    // Held-out batch 62, a third check.
    ['公民身份号码', 'national-id'],
    ['입금계좌번호', 'financial'],
    ['Φάρμακα που λαμβάνετε', 'health'],
  ] as const)('"%s" is %s', (label, expected) => {
    expect(category({ label })).toBe(expected);
  });

  it.each([
    '郵便番号',
    '会員番号（お持ちの方）',
    '우편번호',
    '会员卡号',
    '图形验证码',
    '암호화폐 지갑 주소',
    'Почтовый индекс',
    'पिन कोड',
    'รหัสไปรษณีย์',
    '氏名',
    'Ονοματεπώνυμο',
    // A shop's point card.
    'ポイントカード番号',
    // A transit card's number; a contract's goods, whose words meet as "약물" (drugs) across the space.
    '公交卡号',
    '계약 물건',
  ])('"%s" is ordinary', (label) => {
    expect(category({ label })).toBeNull();
  });

  it('reads a health word that needs context only on a health page', () => {
    expect(onPage({ label: 'Жалобы' }, 'Запись на приём к врачу')).toBe('health');
    expect(onPage({ label: 'Жалобы' }, 'Обращение в службу поддержки')).toBeNull();
  });

  it("reads English field names for an ID card, a Thai citizen ID, Korea's jumin and Taiwan's NHI card", () => {
    expect(category({ name: 'idCardNo' })).toBe('national-id');
    expect(category({ name: 'citizenId' })).toBe('national-id');
    expect(category({ name: 'jumin1', maxLength: 6 })).toBe('national-id');
    expect(category({ name: 'nhiCardNo' })).toBe('health');
    expect(category({ name: 'pincode' })).toBeNull();
  });

  it("reads a policy number as health on a health insurer's claim in Hebrew", () => {
    expect(onPage({ label: 'מספר פוליסה' }, 'ביטוח בריאות – הגשת תביעה')).toBe('health');
    expect(onPage({ label: 'מספר פוליסה' }, 'ביטוח רכב')).toBeNull();
  });

  it('does not take a lawmaker or registered mail for a place of care', () => {
    const note = { label: '의견', kind: 'textarea' } as const;
    expect(onPage(note, '국회의원에게 의견 보내기')).toBeNull();
    expect(onPage(note, '서울중앙병원 온라인 진료예약')).toBe('health');
    expect(onPage({ label: '备注', kind: 'textarea' }, '挂号信查询')).toBeNull();
    expect(onPage({ label: '备注', kind: 'textarea' }, '预约挂号 - 市第一人民医院')).toBe('health');
  });

  it('reads height, weight and a policy number as health only on a health page', () => {
    expect(onPage({ label: '身長（cm）' }, '健康状態の告知')).toBe('health');
    expect(onPage({ label: '身長（cm）' }, 'スキー用品のレンタル')).toBeNull();
    expect(onPage({ label: 'पॉलिसी नंबर' }, 'स्वास्थ्य बीमा दावा फॉर्म')).toBe('health');
    expect(onPage({ label: 'पॉलिसी नंबर' }, 'मोटर बीमा')).toBeNull();
    expect(category({ label: '장애인 여부', kind: 'select', options: '해당 없음 장애인' })).toBe(
      'health',
    );
  });

  it('reads a label that names an API key in Japanese even when the box\'s id is "key"', () => {
    expect(category({ label: 'APIキー', name: 'apiKey', id: 'key' })).toBe('credential');
    expect(category({ label: '発病または負傷の年月日', type: 'date' })).toBe('health');
    expect(category({ label: 'สิทธิการรักษา', kind: 'select', options: 'บัตรทอง ประกันสังคม' })).toBe(
      'health',
    );
  });
});

describe("other countries' ID numbers typed into free text", () => {
  const notes = (text: string) =>
    classifyField(field({ label: 'Notes', kind: 'textarea' }), EMPTY_PAGE, text);

  it.each([
    '我的身份证号11010519491231002X，请核实',
    'マイナンバーは123456789018です',
    'Aadhaar: 2341 2341 2346, please update',
    'СНИЛС 112-233-445 95',
    'Her CPF is 529.982.247-25',
    'NRIC S1234567D on the form',
    'CURP BOXW310820HNERXN09 para el trámite',
    'National Insurance number: AB 12 34 56 C',
    // Europe's, Latin America's and Hong Kong's personal numbers (2026-12-05).
    'Mitt personnummer är 880320-0016, ring mig.',
    'Fødselsnummer: 151086 95088',
    'Henkilötunnus 131052-308T',
    'Mit CPR-nummer er 010180-1234',
    'Isikukood 36805280109',
    'Il mio codice fiscale è RCCMNL83S18D969H',
    'Rijksregisternummer 85.07.30-033.28',
    'Moj OIB je 33392005961',
    'Steuer-ID 36 574 261 809',
    'CNP 1630615123457',
    'Rodné číslo 710319/2745',
    'ΑΜΚΑ 01013099997',
    'My PPS number is 6433435F',
    'AHV-Nummer 756.9217.0769.85',
    'ЕГН 7523169263',
    'Sozialversicherungsnummer 1237 010180',
    'Kennitala 450401-3150',
    'Mi RUT es 12.531.909-2',
    'CUIT 20-05536168-2',
    'Cédula 171430710-3',
    'HKID G123456A',
  ])('flags "%s" as a national ID, with the check it passed', (text) => {
    const verdict = notes(text);
    expect(verdict.category).toBe('national-id');
    expect(verdict.reasons.join(' ')).toMatch(/passes the check of/);
  });

  it('needs words about an ID before the number, and a number that passes its check', () => {
    // The same digits as an order number, and an ID word before a number that fails its check.
    expect(notes('Order 2341 2341 2346 shipped').category).toBeNull();
    expect(notes('身份证号11010519491231002Y').category).toBeNull();
    expect(notes('Aadhaar: 2341 2341 2345').category).toBeNull();
    expect(notes('Order 880320-0016 shipped').category).toBeNull();
    expect(notes('Il codice sconto è RCCMNL83S18D969H').category).toBeNull();
    expect(notes('Room 7523169263, call 12.531.909-2').category).toBeNull();
    expect(notes('Mitt personnummer är 880320-0017').category).toBeNull();
    expect(notes('Il mio codice fiscale è RCCMNL83S18D969A').category).toBeNull();
  });

  it("reads Mexico's CLABE beside its name, and not an 18-digit number without it", () => {
    expect(notes('CLABE 002010077777777771 para el depósito').category).toBe('financial');
    expect(notes('Folio 002010077777777771 registrado').category).toBeNull();
    expect(notes('CLABE 002010077777777772 para el depósito').category).toBeNull();
    expect(
      classifyField(field({ label: 'CLABE' }), EMPTY_PAGE, '002010077777777771').reasons.join(' '),
    ).toMatch(/CLABE check/);
  });

  it('reads an ID acronym written in capitals before the number, not the Spanish word', () => {
    // Canada's published example SIN in its three groups, and the same number run together.
    expect(notes('My SIN is 046 454 286').category).toBe('national-id');
    expect(notes('SIN: 046454286, for payroll').category).toBe('national-id');
    expect(notes('Precio sin 046 454 286').category).toBeNull();
  });

  it('reads an acronym in capitals right before a number as its name, not its first letters', () => {
    // Spain's DNI, its letter a check of the digits (held-out batch 93).
    expect(notes('Adjunto copia del DNI 12345678Z para el alta').category).toBe('national-id');
    expect(notes('El DNI 12345678Z').category).toBe('national-id');
    expect(notes('El DNI 12345678A').category).toBeNull();
    expect(notes('Ref ABC 12345678Z').category).toBeNull();
  });

  it('reads an ID without a check right after its name, and not a date, a phone or a case', () => {
    // Argentina's DNI, Colombia's cédula, Germany's Steuernummer, the UK's UTR (2026-12-05).
    for (const text of [
      'Mi DNI es 30123456',
      'Mi DNI es 30.123.456',
      'Cédula de ciudadanía 1020304050',
      'Steuernummer 2181508150',
      'UTR 1234567890',
      'Cédula 1020304050, teléfono 3001234567',
    ]) {
      expect(notes(text).category, text).toBe('national-id');
    }
    for (const text of [
      'DNI vencido el 12.05.2023, renovar',
      'Cédula vencida; teléfono 3001234567',
      'Cédula: llamar al 3001234567 para cita',
      'Tax ID form due, case 1234567 opened',
      'Passport office case 12345678 pending',
    ]) {
      expect(notes(text).category, text).toBeNull();
    }
  });

  it("reads a health plan's or a health card's number right after its name", () => {
    for (const text of [
      'My NHS number is 943 476 5919',
      'Medicare card 2123 45670 1',
      'Health card 1234-567-897 AB',
      'Krankenversichertennummer A123456780',
      'Member ID W123456789, the claim for her inhaler',
    ]) {
      expect(notes(text).category, text).toBe('health');
    }
    expect(notes('Call the NHS on 0300 311 2233 if unsure').category).toBeNull();
    // "Member ID" names a gym's or a shop's card as often as a health plan's: in a note it counts
    // only beside a word about health.
    expect(notes('Gym member ID 12345678, renew in March').category).toBeNull();
    expect(notes('Member ID W123456789 for the spin class').category).toBeNull();
    // A health insurer named beside it is such a word (2026-12-05, third session).
    expect(notes('Member ID W123456789 for Aetna').category).toBe('health');
  });

  it("reads a bank account's number after its name or its branch's code", () => {
    for (const text of [
      'Sort code 20-00-00 account 55779911',
      'BSB 062-000 account 12345678',
      'Account number 55779911 at Barclays',
    ]) {
      expect(notes(text).category, text).toBe('financial');
    }
    expect(notes('My bank account was charged 150000 pesos twice').category).toBeNull();
    expect(notes('Account manager: Jane, phone 5551234567').category).toBeNull();
  });

  it("reads a licence's or a passport's number right after the document's name", () => {
    expect(notes("Driver's license D1234567 expires 2027").category).toBe('national-id');
    expect(notes('passport no. X12345678, issued in Lyon').category).toBe('national-id');
    // A date or a phone number after the same words is not one; nor the number without them.
    expect(notes("Driver's license renewed 2024-03-15").category).toBeNull();
    expect(notes('Passport office 555-123-4567').category).toBeNull();
    expect(notes('Locker D1234567 is free').category).toBeNull();
  });

  it('reads a whole value that passes a check only beside words about an ID', () => {
    const reasons = (label: string, value: string) =>
      classifyField(field({ label }), EMPTY_PAGE, value).reasons.join(' ');
    expect(reasons('居民身份证', '11010519491231002X')).toMatch(/China's resident ID/);
    expect(reasons('居民身份证', '11010519491231002Y')).not.toMatch(/passes the check/);
    expect(category({ label: 'Reference' }, '11010519491231002X')).toBeNull();
  });
});

describe('held-out batch 59: more languages written in Latin letters', () => {
  it.each([
    ['Descrivi i sintomi', 'health'],
    ['Farmaci assunti regolarmente', 'health'],
    ['Codice ricetta elettronica (NRE)', 'health'],
    ['Przyjmowane leki', 'health'],
    ['Choroby przewlekłe', 'health'],
    ['Objawy', 'health'],
    ['Kullandığınız ilaçlar', 'health'],
    ['Alerjileriniz', 'health'],
    ['Obat yang sedang dikonsumsi', 'health'],
    ['Riwayat alergi', 'health'],
    ['Engångskod', 'credential'],
    ['Lösenord', 'credential'],
    ['Šifre', 'credential'],
    ['Mật khẩu', 'credential'],
    ['Ověřovací kód z SMS', 'credential'],
    ['Clearingnummer', 'financial'],
    ['Số tài khoản nhận lương', 'financial'],
    ['Číslo účtu', 'financial'],
    ['Číslo občanského průkazu', 'national-id'],
    ['Số căn cước công dân', 'national-id'],
    // Held-out batch 60, pages the phrases were not written from.
    ['Numero di protocollo del certificato medico', 'health'],
    ['Lääkitys', 'health'],
    ['Số thẻ BHYT', 'health'],
    ['Kart numarası', 'financial'],
    // A card phrase does not swallow the name of an ID or a health card that starts with it.
    ['Nomor kartu BPJS Kesehatan', 'health'],
    ['Nomor kartu keluarga', 'national-id'],
    ['Numero della carta d’identità', 'national-id'],
  ] as const)('"%s" is %s', (label, expected) => {
    expect(category({ label })).toBe(expected);
  });

  it("reads a prognosis's dates as health", () => {
    expect(category({ label: 'Prognosi dal', type: 'date' })).toBe('health');
  });

  it('reads a complaint as health only on a health page', () => {
    expect(onPage({ label: 'Şikayetiniz' }, 'Hastane randevusu al')).toBe('health');
    expect(onPage({ label: 'Şikayetiniz' }, 'Sipariş iadesi')).toBeNull();
    expect(onPage({ label: 'Keluhan' }, 'Pendaftaran pasien baru – Rumah Sakit Sehat')).toBe(
      'health',
    );
  });

  it("reads India's NRE account as a bank account, not a prescription", () => {
    expect(category({ label: 'NRE account number' })).toBe('financial');
  });

  it.each(['CAP', 'Kod pocztowy', 'Kode pos', 'Codice cliente', 'PSČ'])(
    '"%s" is ordinary',
    (label) => {
      expect(category({ label })).toBeNull();
    },
  );
});

describe('a hand-written intake form (2026-12-04)', () => {
  it.each([
    ['Total number of pregnancies', 'number'],
    ['Number of births', 'number'],
    ['Age at beginning of periods (menstruation)', 'number'],
    ['Age at end of periods (menopause)', 'number'],
    ['Tonsillitis', 'choice'],
    ['Kidney/Bladder problems', 'choice'],
    ['Breastfeeding', 'choice'],
    ['Gestante:', 'choice'],
    ['Pessoa com deficiência', 'choice'],
    ['Necesidades especiales', 'choice'],
    ['Tipo sanguíneo', 'text'],
    ['Queixa principal', 'text'],
    ['Pressão arterial', 'text'],
    ['Medicação contínua', 'text'],
    ['Gruppo sanguigno', 'text'],
    ['Interventi chirurgici', 'text'],
    ['Blutgruppe', 'text'],
    ['Motif de consultation', 'text'],
    ['Grossesse', 'choice'],
    ['Medicijngebruik', 'text'],
    ['Zwangerschap', 'choice'],
  ] as const)('"%s" is health', (label, kind) => {
    expect(category({ label, kind, type: kind === 'choice' ? 'checkbox' : kind })).toBe('health');
  });

  it('reads a Yes about leaving a voicemail as an answer about contact, even on a health page', () => {
    const yes = { label: 'Yes', kind: 'choice' as const, type: 'radio' };
    expect(onPage({ ...yes, nearby: 'May we leave a voicemail?' }, 'New patient form')).toBeNull();
    expect(onPage({ ...yes, nearby: 'Do you smoke?' }, 'New patient form')).toBe('health');
  });

  it('reads brackets after an ordinary word as explaining it, unless they gloss a word', () => {
    expect(category({ label: 'Phone (for prescription reminders)' })).toBeNull();
    expect(category({ label: "Attorney's name (if this is a personal injury case)" })).toBeNull();
    expect(category({ label: 'Age at menarche (first period)', kind: 'number' })).toBe('health');
    expect(category({ label: 'Age (years)', kind: 'number' })).toBeNull();
  });
});

describe('real-world checkout forms (2026-12-04)', () => {
  it.each([
    [{ name: 'cc-exp-year' }, 'financial'],
    [{ name: 'ccExpYr' }, 'financial'],
    [{ name: 'card_expiration_year' }, 'financial'],
    [{ label: 'No. Kartu Kredit' }, 'financial'],
    [{ label: 'Valid thru' }, 'financial'],
    [{ label: 'Verifieringskod' }, 'credential'],
    [{ label: 'AccessKey', name: 'username' }, 'credential'],
    [{ label: 'RIB' }, 'financial'],
    [{ label: 'Rib eye steak' }, null],
    [{ label: 'Numero di passaporto' }, 'national-id'],
    [{ label: 'Número do passaporte' }, 'national-id'],
    [{ label: 'Paspoortnummer' }, 'national-id'],
    [{ label: 'Numer paszportu' }, 'national-id'],
    [{ label: 'Steuerliche Identifikationsnummer' }, 'national-id'],
    [{ label: 'Número de contribuinte' }, 'national-id'],
    [{ label: 'NISS' }, 'national-id'],
    [{ label: 'Cartão de cidadão' }, 'national-id'],
    [{ label: 'SecretKey' }, 'credential'],
    [{ label: 'ClientSecret' }, 'credential'],
    [{ label: 'Bekræftelseskode' }, 'credential'],
    [{ label: 'Vahvistuskoodi' }, 'credential'],
    [{ placeholder: 'Good thru (MM/YY)' }, 'financial'],
    [{ placeholder: 'No. Kartu Kredit' }, 'financial'],
    [{ label: 'Numero carta di credito:' }, 'financial'],
    [{ label: 'Carte de crédit' }, 'financial'],
    [{ label: 'Número do cartão' }, 'financial'],
    [{ label: 'Kreditkarte' }, 'financial'],
    [{ label: 'Kaartnummer' }, 'financial'],
    [{ label: 'Enter gift card PIN code (8 digits)' }, 'credential'],
    [{ label: 'Accessible bathroom', kind: 'choice', type: 'checkbox' }, 'health'],
    [{ label: 'In-room accessibility', kind: 'choice', type: 'checkbox' }, 'health'],
    // A card phrase does not swallow a health card, a loyalty card or a gift card.
    [{ label: 'Número do cartão SUS' }, 'health'],
    [{ label: 'Numero carta sanitaria' }, 'health'],
    [{ label: 'Numero carta fedeltà' }, null],
    [{ label: 'Número do cartão fidelidade' }, null],
    [{ label: 'Numéro de carte cadeau' }, null],
    [{ label: 'Enter gift card number (16 digits)' }, null],
    // A year on its own is still ordinary.
    [{ name: 'year' }, null],
    [{ label: 'Year of birth' }, null],
  ] as const)('%j is %s', (overrides, expected) => {
    expect(category(overrides)).toBe(expected);
  });

  it.each([
    ['Fecha de Expiración', 'Número de Tarjeta'],
    ['Año de vencimiento', 'Número de tarjeta'],
    ['Kedaluwarsa', 'Nomor kartu'],
    ['gültig bis Monat', 'Kartennummer'],
    ["Date d'expiration", 'Numéro de carte'],
    ['Valid until', 'Card number'],
  ])('reads "%s" after "%s" as the card\'s expiry', (label, before) => {
    expect(category({ label, questionBefore: before })).toBe('financial');
    expect(category({ label, questionBefore: 'Fecha de nacimiento' })).toBeNull();
  });

  it.each([
    ['Sicherheitscode', 'Kartennummer'],
    ['Codice di sicurezza', 'Numero della carta'],
    ['Código de segurança', 'Número do cartão'],
    ['Beveiligingscode', 'Kaartnummer'],
    ['Kod bezpieczeństwa', 'Numer karty'],
    ['Säkerhetskod', 'Kortnummer'],
  ])('reads "%s" as a card\'s security code', (label, before) => {
    expect(category({ label, maxLength: 4, questionBefore: before })).toBe('financial');
  });

  it.each(['Vervaldatum', 'Scadenza', 'Date de validité', 'Data de vencimento', 'Ważna do'])(
    'reads "%s" after a card number as its expiry',
    (label) => {
      expect(category({ label, questionBefore: 'Card number' })).toBe('financial');
    },
  );

  it('reads "Month" and "Year" under the legend "Expiration date" after a card number as its expiry', () => {
    for (const label of ['Month', 'Year', 'Maand', 'Jahr']) {
      const select = { label, kind: 'select' as const, type: '' };
      expect(
        category({
          ...select,
          section: 'Expiration date · Payment',
          questionBefore: 'Card number',
        }),
      ).toBe('financial');
      expect(
        category({ ...select, section: 'Date of birth', questionBefore: 'Card number' }),
      ).toBeNull();
      expect(
        category({ ...select, section: 'Expiration date', questionBefore: 'Passport number' }),
      ).toBeNull();
    }
    expect(category({ label: 'Year' })).toBeNull();
  });

  it('reads "MM" and "YY" boxes right after a card\'s boxes as its expiry, and nowhere else', () => {
    expect(category({ placeholder: 'MM', name: 'month', questionBefore: 'CVV number' })).toBe(
      'financial',
    );
    expect(category({ placeholder: 'YY', name: 'year', questionBefore: 'Card number' })).toBe(
      'financial',
    );
    expect(
      category({ placeholder: 'MM', section: 'Date of birth', questionBefore: 'Card number' }),
    ).toBeNull();
    expect(category({ placeholder: 'YY', name: 'year', questionBefore: 'First name' })).toBeNull();
    expect(category({ name: 'year', questionBefore: 'Card number' })).toBeNull();
  });

  it("reads a masked box for a card's security code as the card's, and other masked boxes as secrets", () => {
    const masked = { kind: 'password' as const, type: 'password' };
    expect(category({ ...masked, label: 'Security code', maxLength: 3 })).toBe('financial');
    expect(category({ ...masked, nearby: 'Security Code *', name: 'secCode' })).toBe('financial');
    expect(category({ ...masked, label: 'CVV' })).toBe('financial');
    // A texted "security code" of six digits is a one-time code.
    expect(category({ ...masked, label: 'Security code', maxLength: 6 })).toBe('credential');
    expect(category({ ...masked, label: 'Password' })).toBe('credential');
    expect(category({ ...masked })).toBe('credential');
  });

  it('reads a number box named only by the text beside it as a code when that text names one', () => {
    const numberBox = { kind: 'number' as const, type: 'number' };
    expect(category({ ...numberBox, nearby: '验证码' })).toBe('credential');
    expect(category({ ...numberBox, nearby: 'Verification code' })).toBe('credential');
    // Still a count where the words say more than a secret's name.
    expect(category({ ...numberBox, nearby: 'Remember previous passwords' })).toBeNull();
  });

  it('reads the text beside an unlabelled box as a label is read: what it names outranks an ordinary word', () => {
    expect(category({ nearby: 'Enter the code we sent to your phone' })).toBe('credential');
    // Where the ordinary thing is what the text asks for, it stays ordinary.
    expect(category({ nearby: 'Phone number for SSN verification' })).toBeNull();
    expect(category({ nearby: 'Mobile phone (we text your code here)' })).toBeNull();
  });

  it("reads a placeholder drawn in an SSN's or a card's layout, masks' underscores included", () => {
    for (const placeholder of ['XXX-XX-XXXX', '###-##-####', '___-__-____']) {
      expect(category({ placeholder })).toBe('national-id');
    }
    for (const placeholder of [
      '0000 0000 0000 0000',
      '•••• •••• •••• ••••',
      '____ ____ ____ ____',
    ]) {
      expect(category({ placeholder })).toBe('financial');
    }
    // Underscores without the dashes are a blank line to write on.
    expect(category({ placeholder: '_________' })).toBeNull();
    expect(category({ placeholder: '________________' })).toBeNull();
  });

  it('reads a box of one character after "Enter the code" as part of a one-time code', () => {
    expect(category({ maxLength: 1, nearby: 'Enter the code' })).toBe('credential');
    expect(category({ maxLength: 1, nearby: 'Middle initial' })).toBeNull();
    expect(category({ maxLength: 1, nearby: 'Grade' })).toBeNull();
  });

  it("reads a masked box that only an ID's words or name explain as that ID", () => {
    const masked = { kind: 'password' as const, type: 'password' };
    // The second half of a Korean resident registration number, typed into a masked box.
    expect(category({ ...masked, name: 'jumin2', nearby: '주민번호' })).toBe('national-id');
    expect(category({ ...masked, nearby: 'Social Security Number' })).toBe('national-id');
    expect(category({ ...masked, name: 'ssn_confirm' })).toBe('national-id');
    // Words of a login's secret anywhere keep it a secret.
    expect(category({ ...masked, name: 'password', nearby: 'Social Security Number' })).toBe(
      'credential',
    );
    expect(category({ ...masked, nearby: 'SSN PIN' })).toBe('credential');
    expect(category({ ...masked, label: 'Confirm', nearby: '주민번호' })).toBe('credential');
  });

  it('reads a box marked type="search" by its label unless the label asks for a search', () => {
    expect(
      category({
        label: 'Fecha de Expiración',
        type: 'search',
        questionBefore: 'Número de Tarjeta',
      }),
    ).toBe('financial');
    expect(category({ label: 'Card number', type: 'search' })).toBe('financial');
    expect(category({ label: 'Search MyChart', type: 'search' })).toBeNull();
    expect(category({ label: 'Search by SSN', type: 'search' })).toBeNull();
    expect(category({ placeholder: 'Diagnosis', type: 'search' })).toBeNull();
  });
});

describe('forms as hand-written React and Bootstrap pages draw them (2026-12-04, afternoon)', () => {
  it('reads the text beside a box whose placeholder is only an example', () => {
    // "<label>Weight (lbs)</label><input placeholder="170">": the label has no `for`.
    const vitals = { section: 'Vitals', kind: 'number' as const, type: 'number' };
    expect(category({ ...vitals, nearby: 'Weight (lbs)', placeholder: '170' })).toBe('health');
    expect(category({ ...vitals, nearby: 'Height (in)', placeholder: '68' })).toBe('health');
    expect(category({ nearby: 'Allergies', placeholder: 'Optional' })).toBe('health');
    // A placeholder that names something is still the name: the text before is another box's.
    expect(category({ nearby: 'Allergies', placeholder: 'Emergency contact' })).toBeNull();
    // A parcel's weight is not health.
    expect(category({ nearby: 'Weight (lbs)', placeholder: '170', section: 'Package' })).toBeNull();
  });

  it("reads a clinic form's findings, advice and insurance card without a heading", () => {
    expect(category({ placeholder: 'Enter physical examination findings', kind: 'textarea' })).toBe(
      'health',
    );
    expect(category({ label: 'Advice', section: 'Prescription' })).toBe('health');
    expect(category({ label: 'Advice', section: 'Shipping' })).toBeNull();
    // "Group number" right after "Insurance ID" is the same health plan's; after a fleet's
    // insurance box, or alone, it is not.
    expect(category({ label: 'Group Number', questionBefore: 'Insurance ID' })).toBe('health');
    expect(category({ label: 'Group Number', questionBefore: 'License plate' })).toBeNull();
    expect(category({ label: 'Group Number' })).toBeNull();
  });

  it('reads the text beside a box whose placeholder is an example value or generic words', () => {
    expect(category({ nearby: 'UPI ID', placeholder: 'name@okbank' })).toBe('financial');
    expect(category({ nearby: 'Aadhaar number', placeholder: '12 digits' })).toBe('national-id');
    expect(category({ nearby: 'Routing', placeholder: '9 digits' })).toBe('financial');
    expect(category({ nearby: 'Webhook URL', placeholder: 'https://example.com/hook' })).toBeNull();
    // A placeholder of words that name the box still does ("Add a comment" beside a date).
    expect(category({ nearby: 'Diagnosis', placeholder: 'Your email address' })).toBeNull();
  });

  it("reads India's PAN Number, UAN and ESI number as a person's", () => {
    expect(category({ nearby: 'PAN Number', placeholder: 'Optional' })).toBe('national-id');
    expect(category({ label: 'PAN No' })).toBe('national-id');
    expect(category({ label: 'UAN Number' })).toBe('national-id');
    expect(category({ label: 'ESI Number' })).toBe('health');
    expect(category({ label: 'ESIC No.' })).toBe('health');
    // A card's primary account number, as payment tools name it.
    expect(category({ label: 'PAN', maxLength: 19 })).toBe('financial');
  });

  it("reads Latin American HR numbers: the taxpayer number and the pension system's", () => {
    expect(category({ label: 'Número de contribuyente' })).toBe('national-id');
    expect(category({ label: 'Número de AFP' })).toBe('national-id');
    expect(category({ label: 'Número Único Previsional' })).toBe('national-id');
    expect(category({ label: 'Nombre de la AFP' })).toBeNull();
  });

  it('reads "diagnostic" as health only where it is a patient\'s', () => {
    const box = { label: 'What do you want to fix?', kind: 'textarea' as const };
    expect(onPage(box, 'Growth Diagnostic - Revenue audit for founders')).toBeNull();
    expect(category({ label: 'Diagnostic principal' })).toBe('health');
    expect(category({ label: 'Diagnóstico' })).toBe('health');
  });

  it("reads a symptom form's questions under its heading, the blood group and gestational age", () => {
    expect(category({ label: 'When did it start?', section: '3. Symptoms' })).toBe('health');
    expect(category({ label: 'Triggers', section: '3. Symptoms' })).toBe('health');
    expect(category({ label: 'Triggers', section: 'Build pipeline' })).toBeNull();
    expect(category({ label: 'When did it start?', section: 'Your subscription' })).toBeNull();
    expect(category({ nearby: 'Blood group', kind: 'select' })).toBe('health');
    expect(category({ nearby: 'Curent Gestational Age' })).toBe('health');
  });

  it("reads a mood journal's question and one asked after a list of symptoms", () => {
    const feeling = { label: 'How are you feeling', kind: 'select' as const };
    expect(category({ ...feeling, section: 'Add Mood' })).toBe('health');
    expect(category({ ...feeling, section: 'Mood board' })).toBeNull();
    expect(category({ ...feeling, section: 'Team retro' })).toBeNull();
    const afterSymptoms = { ...EMPTY_PAGE, healthQuestions: true };
    expect(classifyField(field({ label: 'How are you Feeling' }), afterSymptoms).category).toBe(
      'health',
    );
    // Not a number that is no question, beside the same list.
    expect(classifyField(field({ label: 'Policy number' }), afterSymptoms).category).toBeNull();
  });

  it('reads Spanish and Portuguese clinical history by its context', () => {
    const history = { label: 'Antecedentes', kind: 'textarea' as const };
    const amongSymptoms = { ...EMPTY_PAGE, healthQuestions: true };
    expect(classifyField(field(history), amongSymptoms).category).toBe('health');
    expect(onPage(history, 'Historia clínica')).toBe('health');
    // A client file's or a repair order's background.
    expect(onPage(history, 'Clientes - Editar')).toBeNull();
    // A short box of another kind beside health questions is not pulled along.
    expect(
      classifyField(field({ label: "Other driver's policy number" }), amongSymptoms).category,
    ).toBeNull();
    expect(category({ label: 'Internamentos anteriores', kind: 'textarea' })).toBe('health');
    expect(category({ label: 'Hospitalizaciones' })).toBe('health');
    expect(onPage({ label: 'FUR', type: 'date' }, 'Historia clínica')).toBe('health');
    expect(category({ label: 'Fur color' })).toBeNull();
  });

  it('reads French patient files, and choices listed under a kind of health thing', () => {
    const box = { kind: 'textarea' as const };
    expect(onPage({ ...box, nearby: 'Antécédents' }, 'Nouveau patient')).toBe('health');
    expect(onPage({ ...box, nearby: 'Traitements' }, 'Fiche patient')).toBe('health');
    expect(onPage({ nearby: 'Taille (cm)', placeholder: 'Ex: 175' }, 'Nouveau patient')).toBe(
      'health',
    );
    expect(category({ nearby: 'N° Mutuelle' })).toBe('health');
    // An address beside a textarea is an address, on a patient's page too.
    expect(onPage({ ...box, nearby: 'Adresse' }, 'Nouveau patient')).toBeNull();
    expect(
      onPage(
        { label: "J'accepte le traitement de mes données", kind: 'choice', type: 'checkbox' },
        'Nouveau patient',
      ),
    ).toBeNull();
    expect(category({ label: 'Taille', kind: 'select' })).toBeNull();
    const choice = { kind: 'choice' as const, type: 'checkbox' };
    expect(category({ ...choice, label: 'Penicilina', section: 'Alergias' })).toBe('health');
    expect(category({ ...choice, label: 'Metformin', section: 'Current medications' })).toBe(
      'health',
    );
    expect(
      category({
        ...choice,
        label: 'Text me when my order is ready',
        section: 'Transfer your prescriptions to us',
      }),
    ).toBeNull();
    expect(onPage({ label: 'Triaje inicial', kind: 'select' }, 'Pacientes')).toBe('health');
    expect(category({ label: 'Condiciones preexistentes' })).toBe('health');
  });

  it('reads a German patient sign-up: care level, insurance number, and an address', () => {
    const mostlyHealth = { ...EMPTY_PAGE, healthQuestions: true, mostlyHealth: true };
    const on = (overrides: Partial<FieldDescriptor>) =>
      classifyField(field(overrides), mostlyHealth).category;
    expect(category({ label: 'Pflegegrad', kind: 'select' })).toBe('health');
    expect(on({ label: 'Versicherungsnummer' })).toBe('health');
    expect(category({ label: 'Versicherungsnummer' })).toBeNull();
    expect(on({ label: 'Adresse', kind: 'textarea' })).toBeNull();
    expect(on({ label: 'Notizen', kind: 'textarea' })).toBe('health');
    // An Italian visit's physical examination.
    expect(category({ label: 'Esame obiettivo', kind: 'textarea' })).toBe('health');
  });

  it("reads a captured checkout's expiry menu and five-character security code as the card's", () => {
    const menu = { label: 'Expiration Date:', kind: 'select' as const };
    expect(category({ ...menu, options: '03/2017 · 04/2017 · 05/2017 · 06/2017' })).toBe(
      'financial',
    );
    // A passport's or a licence's expiry has a day: not a card's.
    expect(category({ ...menu, options: '01/15/2030 · 02/20/2031' })).toBeNull();
    // The year menu after it, named only by name="expYear".
    const year = { kind: 'select' as const, name: 'expYear', options: 'Year · 2017 · 2018 · 2019' };
    expect(category({ ...year, questionBefore: 'Expiration Date' })).toBe('financial');
    expect(category({ ...year, questionBefore: 'Passport expiration date' })).toBeNull();
    expect(category({ ...year, questionBefore: 'Country' })).toBeNull();
    // Unnamed but for name="ccYear" ("year" is ordinary by itself), after "Expiration".
    const ccYear = { kind: 'select' as const, name: 'ccYear', options: 'Year · 2017 · 2035' };
    expect(category({ ...ccYear, questionBefore: 'Expiration' })).toBe('financial');
    expect(category({ ...ccYear, questionBefore: 'Date of birth' })).toBeNull();
    expect(category(ccYear)).toBeNull();
    // A box named for a gift card holds a gift card's number, whatever its label says.
    expect(category({ label: 'Card Number:', name: 'txtQvcGiftCardNumber' })).toBeNull();
    expect(category({ label: 'PAN', name: 'dwfrm_billing_giftCardFields_pan' })).toBeNull();
    expect(category({ label: 'PIN', name: 'dwfrm_billing_giftCardFields_pin' })).toBe('credential');
    expect(category({ label: 'Card Number:', name: 'txtNewCardNumber' })).toBe('financial');
    const code = { label: 'Security Code:', maxLength: 5 };
    expect(category({ ...code, questionBefore: 'Expiration Date:' })).toBe('financial');
    expect(category({ ...code, questionBefore: 'Mobile number' })).toBe('credential');
    expect(category({ ...code, maxLength: 6, questionBefore: 'Expiration Date:' })).toBe(
      'credential',
    );
  });

  it('reads a second box for what the box before holds by that box', () => {
    expect(category({ label: 'Confirm Account', questionBefore: 'Account Number' })).toBe(
      'financial',
    );
    expect(category({ label: 'Re-enter routing', questionBefore: 'Routing Number' })).toBe(
      'financial',
    );
    expect(category({ label: 'Verify your SSN', questionBefore: 'SSN' })).toBe('national-id');
    // Asking again for something the box before does not hold.
    expect(category({ label: 'Confirm Account', questionBefore: 'Email' })).toBeNull();
    expect(category({ label: 'Confirm email', questionBefore: 'Account Number' })).toBeNull();
    expect(category({ label: 'Account', questionBefore: 'Account Number' })).toBeNull();
  });

  it('reads clinical records, symptoms and care words in Japanese, Korean and Chinese', () => {
    // A hospital's admission and discharge summaries and nursing plan, a Korean test centre's
    // questionnaire, a Chinese outpatient record.
    for (const label of [
      '主訴',
      '家族歴・生活歴',
      '検査所見',
      '退院時状態',
      '看護問題',
      '患者の状態',
      '予防接種歴',
      '最終月経',
      '가족력',
      '퇴원 사유',
      '발열이 있으신가요?',
      '백신 접종 상태',
      '主诉',
      '既往史',
      '体格检查',
      '不良反应',
      '预产期',
    ]) {
      expect(category({ label })).toBe('health');
    }
    // Words that name other things too wait for a health page or heading: a factory's inspection
    // results, a restaurant's smoking seats, a system's diagnosis, a clan's history.
    for (const label of ['検査結果', '喫煙', '흡연', '진단', '检查结果', '家族史', '体温']) {
      expect(category({ label })).toBeNull();
      expect(category({ label, section: '問診票 · 診療' })).toBe('health');
    }
    expect(category({ label: 'システム障害' })).toBeNull();
    expect(category({ label: '障害の有無' })).toBe('health');
    // Japanese, Korean and Chinese put the head last: the name of the hospital where one was
    // treated is a hospital's name; a diagnosis and a hospital's name in one box stay health.
    expect(category({ label: '치료받은 병원명' })).toBeNull();
    expect(category({ label: '治療を受けた病院名' })).toBeNull();
    expect(category({ label: '진단명 및 병원명' })).toBe('health');
    expect(category({ label: '病名・病院名' })).toBe('health');
    expect(category({ label: '留意点', section: '入院時サマリー · 治療方針' })).toBe('health');
    // An employee's employment insurance number is social insurance, a health card's insured
    // number health.
    expect(category({ label: '雇用保険被保険者番号' })).toBe('national-id');
    expect(category({ label: '健康保険被保険者番号' })).toBe('health');
    expect(category({ label: '社保卡号' })).toBe('national-id');
    expect(category({ label: '통장번호' })).toBe('financial');
    expect(category({ label: 'API키' })).toBe('credential');
    expect(category({ label: '보안카드 번호' })).toBe('credential');
  });

  it('reads clinic words, an identity card and a code in Hebrew and Greek', () => {
    for (const label of [
      'תלונה עיקרית',
      'רגישות לתרופות',
      'לחץ דם',
      'Χρόνιες παθήσεις',
      'Αρτηριακή πίεση',
      'Εμβόλια',
      'Εγκυμοσύνη',
    ]) {
      expect(category({ label })).toBe('health');
    }
    // "ניתוח" alone is also an analysis; weight and smoking are health on a clinic's page only.
    expect(category({ label: 'ניתוח נתונים' })).toBeNull();
    expect(category({ label: 'Βάρος' })).toBeNull();
    expect(category({ label: 'Βάρος', section: 'Ιατρικό ιστορικό' })).toBe('health');
    expect(category({ label: 'עישון', section: 'מרפאה' })).toBe('health');
    expect(category({ label: 'Αριθμός ταυτότητας' })).toBe('national-id');
    expect(category({ label: 'Κωδικός επαλήθευσης' })).toBe('credential');
  });

  it('reads blood groups, pregnancy, history and IDs in Turkish, Indonesian, Vietnamese and Polish', () => {
    for (const label of ['Kan Grubu', 'Golongan Darah', 'Nhóm máu', 'Grupa krwi']) {
      expect(category({ label, kind: 'select' })).toBe('health');
    }
    expect(category({ label: 'Usia Kehamilan (minggu)', type: 'number' })).toBe('health');
    expect(category({ label: 'Tıbbi Tanı' })).toBe('health');
    expect(category({ label: 'Geçirdiği ameliyatlar' })).toBe('health');
    expect(category({ label: 'Tiền sử dị ứng' })).toBe('health');
    expect(category({ label: 'Kategoria zdrowia' })).toBe('health');
    expect(category({ label: 'Hastaneye Yatış Nedeni' })).toBe('health');
    expect(category({ label: 'SSK Sicil No' })).toBe('national-id');
    expect(category({ label: 'Personel Sicil No' })).toBeNull();
    expect(category({ label: 'Seria i Nr dowodu osobistego' })).toBe('national-id');
    // Height and weight only where the page or heading is about health.
    expect(category({ label: 'Tinggi Badan (cm)', section: 'Keadaan Jasmani' })).toBe('health');
    expect(category({ label: 'Berat Badan (kg)', section: 'Pengiriman' })).toBeNull();
    expect(category({ label: 'Cân nặng (kg)', section: 'Hồ sơ sức khỏe cá nhân' })).toBe('health');
    // "Özgeçmiş" is a patient's past on a ward's form and a résumé on a job application.
    expect(category({ label: 'Açıklayınız', section: 'Geçirdiği Hastalıklar: · Özgeçmiş' })).toBe(
      'health',
    );
    expect(category({ label: 'Özgeçmiş', section: 'İş başvurusu' })).toBeNull();
    for (const label of ['فصيلة الدم', 'Группа крови', '血型', '혈액형']) {
      expect(category({ label, kind: 'select' })).toBe('health');
    }
    for (const label of ['No. Kad Pengenalan', 'SSS NO', 'GSIS ID NO', 'PAG-IBIG ID NO']) {
      expect(category({ label })).toBe('national-id');
    }
    expect(category({ label: 'PHILHEALTH NO' })).toBe('health');
    for (const label of ['Vércsoport', 'Krevní skupina', 'Grupa sanguină', 'Ομάδα αίματος']) {
      expect(category({ label })).toBe('health');
    }
    expect(category({ label: 'Ismert betegségek', kind: 'textarea' })).toBe('health');
    expect(category({ label: 'Testsúly (kg)', section: 'Egészségügyi profil' })).toBe('health');
    expect(category({ label: 'Testsúly (kg)', section: 'Csomag' })).toBeNull();
    // A sweep of clinic labels in Malay, Tagalog, Swahili, Persian, Urdu, Thai, Hindi and Bengali.
    for (const label of [
      'Kumpulan Darah',
      'Ubat-ubatan',
      'Uri ng Dugo',
      'Kundi la damu',
      'Mzio',
      'گروه خونی',
      'سابقه بیماری',
      'بلڈ گروپ',
      'กรุ๊ปเลือด',
      'โรคประจำตัว',
      'चिकित्सा इतिहास',
      'রক্তের গ্রুপ',
    ]) {
      expect(category({ label })).toBe('health');
    }
    for (const [label, expected] of [
      ['জাতীয় পরিচয়পত্র নম্বর', 'national-id'],
      ['شناختی کارڈ نمبر', 'national-id'],
      ['Namba ya kitambulisho', 'national-id'],
      ['পাসওয়ার্ড', 'credential'],
      ['Kata laluan', 'credential'],
      ['Nenosiri', 'credential'],
      ['Nombor akaun', 'financial'],
      ['Namba ya akaunti', 'financial'],
      ['Nombor kad kredit', 'financial'],
    ] as const) {
      expect(category({ label })).toBe(expected);
    }
    expect(category({ label: 'Nombor kad ahli' })).toBeNull();
    // A Persian dental clinic's patient file: height, an insurance number and notes are health
    // there, its address is not.
    const dentist = 'پرونده بیمار جدید | کلینیک دندانپزشکی';
    expect(onPage({ label: 'قد:', type: 'number' }, dentist)).toBe('health');
    expect(onPage({ label: 'شماره بیمه:' }, dentist)).toBe('health');
    expect(onPage({ label: 'توضیحات:', kind: 'textarea' }, dentist)).toBe('health');
    expect(onPage({ label: 'آدرس:', kind: 'textarea' }, dentist)).toBeNull();
    expect(category({ label: 'قد:', type: 'number' })).toBeNull();
    // Thai allergies, blood pressure, regular medication and a health insurance card; a body's
    // weight under a health screening, a parcel's under shipping.
    for (const label of ['อาหารที่แพ้', 'ยาที่แพ้', 'ความดันโลหิต', 'ยาประจำตัว', 'เลขที่บัตรประกันสุขภาพ']) {
      expect(category({ label })).toBe('health');
    }
    expect(category({ label: 'น้ำหนัก', section: 'คัดกรองสุขภาพ' })).toBe('health');
    expect(category({ label: 'น้ำหนักพัสดุ', section: 'การจัดส่ง' })).toBeNull();
    // Vital signs and a contraceptive method in Spanish; a box whose placeholder is only an
    // example ("J45.9", "10 tab.") under a diagnosis's or a treatment's heading.
    for (const label of ['Saturación O₂', 'Frec. Respiratoria', 'Perím. Abdominal', 'IMC']) {
      expect(category({ label, section: 'Signos Vitales' })).toBe('health');
    }
    expect(category({ label: 'Método de Planificación', kind: 'select' })).toBe('health');
    expect(category({ placeholder: 'J45.9', section: 'Diagnóstico CIE-10' })).toBe('health');
    expect(category({ placeholder: '10 tab.', section: 'Tratamiento' })).toBe('health');
    expect(category({ placeholder: 'J45.9', section: 'Pedido' })).toBeNull();
    expect(category({ label: 'Número documento *' })).toBe('national-id');
    // Card, account and password labels in Hungarian, Romanian, Greek and Vietnamese; an Italian
    // keyword and English "so the" (Vietnamese "số thẻ" folded) are not.
    for (const [label, expected] of [
      ['Számlaszám', 'financial'],
      ['Număr card', 'financial'],
      ['Αριθμός κάρτας', 'financial'],
      ['Số thẻ tín dụng', 'financial'],
      ['Parolă', 'credential'],
    ] as const) {
      expect(category({ label })).toBe(expected);
    }
    expect(category({ label: 'Parola chiave' })).toBeNull();
    expect(category({ label: 'Upload your ID so the team can verify' })).toBeNull();
    // A Brazilian clinic's record: the exam asked for, the diagnostic hypothesis, body fat and
    // girths (these on a clinic's page only).
    expect(category({ label: 'Exame Solicitado' })).toBe('health');
    expect(category({ label: 'Hipótese Diagnóstica' })).toBe('health');
    expect(onPage({ label: 'Circ. Quadril', type: 'number' }, 'Prontuário | Clínica Vida')).toBe(
      'health',
    );
    expect(onPage({ label: '% Gordura', type: 'number' }, 'Prontuário | Clínica Vida')).toBe(
      'health',
    );
    expect(category({ label: 'Circ. Quadril', type: 'number' })).toBeNull();
    // Toothpaste in Swahili and Malay is no medicine.
    expect(category({ label: 'Dawa la meno' })).toBeNull();
    expect(category({ label: 'Ubat gigi' })).toBeNull();
    // A home address is an address on a clinic's page too.
    for (const label of ['Адрес проживания:', 'Adres zamieszkania', 'Alamat', 'Endereço']) {
      expect(onPage({ label, kind: 'textarea' }, 'Профиль пациента')).toBeNull();
    }
    // "Other …" under a health condition's list.
    expect(
      category({ placeholder: 'Kondisi khusus lainnya...', section: 'Kondisi Kesehatan' }),
    ).toBe('health');
  });
});

describe('a sweep of US identity, benefits and claim labels (2026-12-04, night)', () => {
  it.each([
    // An immigration account and a passport card are IDs, not a bank's account or a payment card.
    ['USCIS Online Account Number', 'national-id'],
    ['Passport Card number', 'national-id'],
    ['Naturalization certificate number', 'national-id'],
    ['Military ID (DoD ID number)', 'national-id'],
    ['Tribal ID number', 'national-id'],
    ['Foreign tax identifying number', 'national-id'],
    ['Hospital admission date', 'health'],
    // A customer's account number and a card's number are still what they were.
    ['Account number', 'financial'],
    ['Card number', 'financial'],
    ['Admission date', null],
    // The same documents in Spanish, and Mexico's social security number by its institute.
    ['Número de la tarjeta de residente permanente', 'national-id'],
    ['Número de registro de extranjero', 'national-id'],
    ['Número de afiliación al IMSS', 'national-id'],
    // Chile's RUN as the whole label, not the verb in a sentence; an activation code in Spanish.
    ['RUN', 'national-id'],
    ['Run', null],
    ['Run a report for this period', null],
    ['Código de activación', 'credential'],
    // A label that gives its own health context: a member number of a health insurer.
    ['Número de miembro del seguro médico', 'health'],
    ['Número de miembro', null],
  ] as const)('%s → %s', (label, expected) => {
    expect(category({ label })).toBe(expected);
  });

  it('reads the text right before a named box as its follow-up ("If yes, write the number")', () => {
    const question = '1.10 Have you ever held a Korean Resident Registration Number or Alien';
    expect(
      category({
        label: 'Registration number',
        nearby: 'If yes, write the number',
        questionBefore: question,
      }),
    ).toBe('national-id');
    // The same box after an ordinary question, and with no follow-up before it.
    expect(
      category({
        label: 'Registration number',
        nearby: 'If yes, write the number',
        questionBefore: 'Have you registered for our newsletter?',
      }),
    ).toBeNull();
    expect(
      category({ label: 'Registration number', nearby: 'Vehicle', questionBefore: question }),
    ).toBeNull();
  });

  it("reads a pharmacy benefit card's BIN and PCN under its heading, a storage bin not", () => {
    const section = 'Your prescription discount card';
    expect(category({ label: 'BIN', section })).toBe('health');
    expect(category({ label: 'PCN', section })).toBe('health');
    expect(category({ label: 'Bin', section: 'Warehouse location' })).toBeNull();
  });

  it("reads an HSA claim's page as about health, and its account number as a bank's", () => {
    const page = 'Submit a claim | HealthSave HSA · Pay yourself back';
    expect(onPage({ kind: 'textarea', label: 'Description (what was it for?)' }, page)).toBe(
      'health',
    );
    expect(onPage({ label: 'HSA account number' }, page)).toBe('financial');
    expect(
      onPage({ kind: 'textarea', label: 'Description' }, 'Submit an expense | Acme'),
    ).toBeNull();
  });

  it("reads a question about a pupil's IEP or 504 plan as health, under any heading", () => {
    expect(
      category({
        kind: 'choice',
        type: 'radio',
        label: 'Yes',
        nearby: 'Does the student have an IEP or 504 plan?',
        section: 'Does the student have an IEP or 504 plan? · Special education',
        questionBefore: 'Does the student have an IEP or 504 plan?',
      }),
    ).toBe('health');
    expect(category({ label: 'Medical and dental expenses' })).toBe('health');
  });

  it("reads a database's address as a secret, and a code received by SMS in Spanish", () => {
    expect(category({ label: 'Value', keyText: 'DATABASE_URL' })).toBe('credential');
    expect(category({ label: 'MongoDB URI' })).toBe('credential');
    expect(category({ label: 'Value', keyText: 'LOG_LEVEL' })).toBeNull();
    expect(category({ label: 'Website URL' })).toBeNull();
    expect(category({ label: 'Código recibido por SMS' })).toBe('credential');
  });

  it("reads a card's expiry month by its field's name as the year was read", () => {
    for (const name of ['cardExpMonth', 'card_exp_month', 'cardExp', 'ccExpMonth']) {
      expect(category({ name }), name).toBe('financial');
    }
    // An expiry month alone needs a card beside it; a pass's does not have one.
    expect(category({ name: 'expMonth' })).toBeNull();
    expect(category({ name: 'passExpMonth' })).toBeNull();
  });

  it('reads a health questionnaire\'s "Do you currently smoke?" as health', () => {
    expect(category({ kind: 'choice', type: 'checkbox', label: 'Do you currently smoke?' })).toBe(
      'health',
    );
  });
});

describe('held-out batch 89: Belgium, Portugal, Switzerland, Malaysia and a fertility clinic', () => {
  it.each([
    ["Numéro d'affiliation auprès de votre mutualité actuelle", 'health'],
    ['Êtes-vous reconnu(e) malade chronique ?', 'health'],
    ['Sind Sie zurzeit in ärztlicher Behandlung oder Kontrolle?', 'health'],
    ['Número de utente do SNS', 'health'],
    ['How long have you been trying to conceive?', 'health'],
    ['Has your partner had a semen analysis?', 'health'],
    ['TAC sent to your mobile', 'credential'],
    ['TAC', 'credential'],
    ['Security phrase', 'credential'],
    ['Anti-phishing code', 'credential'],
    ['Código de confirmação enviado por carta', 'credential'],
  ] as const)('%s is %s', (label, expected) => {
    expect(category({ label })).toBe(expected);
  });

  it.each([
    // Picking one's insurer names no one's health; a booking's confirmation code is no secret.
    'Mutualité actuelle',
    'Código de confirmação',
    'Confirmation code',
    'Average cycle length',
  ])('%s is not flagged', (label) => {
    expect(category({ label })).toBeNull();
  });

  it('reads a height in Swiss German as health among health questions only', () => {
    expect(category({ label: 'Körpergrösse (cm)', section: 'Gesundheitsfragen' })).toBe('health');
    expect(category({ label: 'Körpergrösse (cm)' })).toBeNull();
  });

  it("reads a cycle's length as health on a fertility clinic's page", () => {
    expect(
      onPage(
        { label: 'Average cycle length (days)' },
        'New Patient Questionnaire | Bright Path Fertility',
      ),
    ).toBe('health');
  });
});

describe('held-out batch 90: a label whose head is not the sensitive thing it names', () => {
  it.each([
    // A phone to receive a code on, a token's description: the box holds neither code nor token.
    'Mobile phone for a security code',
    'Access token description',
    'SSH key description',
    'API key label',
    // A console asks what to call a secret (held-out batch 97).
    'Label API key to proceed',
    'Name your token',
    'Name this API key',
  ])('%s is not flagged', (label) => {
    expect(category({ label })).toBeNull();
  });

  it.each([
    ['Security code', 'financial'],
    ['Access token', 'credential'],
    ['Describe your diagnosis', 'health'],
    ['Medication description', 'health'],
  ] as const)('%s is still %s', (label, expected) => {
    expect(category({ label })).toBe(expected);
  });
});

describe('held-out batch 91: Dutch, Italian, Polish and Turkish pages, a specialty to book', () => {
  it.each([
    ['Numero di identificazione della tessera sanitaria', 'health'],
    ['Referti di laboratorio', 'health'],
    ['Certificati vaccinali', 'health'],
    ['Behandeldatum', 'health'],
    ['Soort zorg', 'health'],
  ] as const)('%s is %s', (label, expected) => {
    expect(category({ label })).toBe(expected);
  });

  it("reads a treatment in Dutch as health on a health insurer's page only", () => {
    const label = 'Omschrijving van de behandeling';
    expect(onPage({ kind: 'textarea', label }, 'Nota indienen | Mijn Zorgverzekeraar')).toBe(
      'health',
    );
    expect(onPage({ kind: 'textarea', label }, 'Status van uw aanvraag')).toBeNull();
  });

  it("reads Poland's NIP, ten digits, as a tax number, and Mexico's NIP as a PIN", () => {
    expect(category({ label: 'NIP', maxLength: 10 })).toBe('national-id');
    expect(category({ label: 'NIP', maxLength: 4 })).toBe('credential');
    expect(category({ label: 'NIP' })).toBe('credential');
    expect(category({ kind: 'password', type: 'password', label: 'NIP', maxLength: 12 })).toBe(
      'credential',
    );
  });

  it('reads a menu of specialties as health on a booking page only', () => {
    const specialty = {
      kind: 'select',
      label: 'Department',
      options: 'Cardiology · Internal medicine · Psychiatry · Obstetrics',
    } as const;
    expect(onPage(specialty, 'Book an appointment – St. Mary Hospital')).toBe('health');
    expect(
      onPage(
        { ...specialty, label: 'Bölüm', options: 'Kardiyoloji · Dahiliye · Psikiyatri' },
        'Online Randevu – Özel Şifa Hastanesi',
      ),
    ).toBe('health');
    // A clinician's own specialty, a job's department.
    expect(
      onPage({ ...specialty, label: 'Primary specialty' }, 'Provider credentialing'),
    ).toBeNull();
    expect(onPage(specialty, 'Apply: Registered Nurse – St. Mary Hospital careers')).toBeNull();
  });
});

describe('held-out batch 92: form builders, a pet, a course about health', () => {
  it("reads Oregon's business identification number as a tax number", () => {
    expect(category({ label: 'Business Identification Number (BIN)' })).toBe('national-id');
  });

  it("reads a pet's weight as no one's health, even among health questions", () => {
    const page = { ...EMPTY_PAGE, heading: 'Rental Application', healthQuestions: true };
    expect(classifyField(field({ label: 'Pets (type, breed, weight)' }), page).category).toBeNull();
    expect(classifyField(field({ label: 'Weight' }), page).category).toBe('health');
  });

  it("does not take a course about a disease for a patient's page", () => {
    const question = { kind: 'textarea', label: 'Question for the speaker (optional)' } as const;
    const course = 'Register: Managing Type 2 Diabetes in Primary Care (1.0 CME credit)';
    expect(onPage(question, course)).toBeNull();
    expect(onPage(question, 'Managing your type 2 diabetes – Patient portal')).toBe('health');
    // Its own health words still speak.
    expect(onPage({ label: 'Food allergies' }, course)).toBe('health');
  });
});

describe('held-out batch 96: Central European and Greek clinics', () => {
  it('reads a specialty picked on a Hungarian or Greek booking page as health', () => {
    expect(
      onPage(
        {
          kind: 'select',
          label: 'Szakrendelés',
          options: 'Kardiológia · Bőrgyógyászat · Pszichiátria',
        },
        'Időpontfoglalás – Budai Egészségközpont',
      ),
    ).toBe('health');
    expect(
      onPage(
        { kind: 'select', label: 'Ειδικότητα', options: 'Καρδιολογία · Δερματολογία · Ψυχιατρική' },
        'Κλείστε ραντεβού – Ιατρικό Κέντρο Αθηνών',
      ),
    ).toBe('health');
  });

  it("reads a Czech insured person's number as health under a health insurer's heading", () => {
    const label = 'Číslo pojištěnce (pokud se liší)';
    expect(category({ label, section: 'Přihláška k zdravotní pojišťovně' })).toBe('health');
    expect(category({ label, section: 'Povinné ručení – sjednání online' })).toBeNull();
  });
});

describe('held-out batch 101: government sign-ins and a booking in five languages', () => {
  it.each([
    ['NIS/PIS/PASEP', 'national-id'],
    ['Steuer-Identifikationsnummer', 'national-id'],
    ['Aktivierungs-ID (aus dem Brief)', 'credential'],
    ['Aktivierungscode (aus der E-Mail)', 'credential'],
    ['Sicherheitsabfrage: Antwort', 'credential'],
  ] as const)('%s is %s', (label, expected) => {
    expect(category({ label })).toBe(expected);
  });

  it("reads a message to a French specialist's practice as health", () => {
    const message = { kind: 'textarea', label: 'Message au praticien (facultatif)' } as const;
    expect(
      onPage(message, 'Prendre rendez-vous avec Dr Claire Martin – Dermatologue – Lyon | Doctolib'),
    ).toBe('health');
    expect(onPage(message, 'Contactez-nous – Agence immobilière Martin')).toBeNull();
  });
});

describe('held-out batch 102: Spain, Argentina, Iran and Bangladesh', () => {
  it("reads a membership number as Social Security's under its heading, a hint after it adding nothing", () => {
    const label = 'Número de afiliación (si ya lo tienes)';
    expect(category({ label, section: 'Solicitar número de la Seguridad Social' })).toBe(
      'national-id',
    );
    expect(category({ label, section: 'Hazte socio del club' })).toBeNull();
    expect(category({ label: 'Number (if known)', section: 'Social Security number' })).toBe(
      'national-id',
    );
  });

  it("reads a specialty picked on an Iranian clinic's booking page as health", () => {
    expect(
      onPage(
        { kind: 'select', label: 'تخصص', options: 'قلب و عروق · پوست و مو · زنان و زایمان' },
        'نوبت دهی اینترنتی – درمانگاه شفا',
      ),
    ).toBe('health');
  });
});

describe('held-out batch 103: health plans and banks in Colombia, Peru, Brazil and Chile', () => {
  it.each([
    ['Documento del beneficiario', 'national-id'],
    ['Cuenta para el pago del subsidio', 'financial'],
    ['Exame ou procedimento solicitado', 'health'],
    // Brazil's CID is the ICD beside a health word, and a card's code without one.
    ['CID (se constar no pedido médico)', 'health'],
    ['CID', 'financial'],
  ] as const)('%s is %s', (label, expected) => {
    expect(category({ label })).toBe(expected);
  });

  it("reads a menu named only for the bank as the bank's name, under an account's heading too", () => {
    const bank = { kind: 'select', label: 'Banco', section: 'Cuenta para el depósito' } as const;
    expect(category(bank)).toBeNull();
    expect(category({ label: 'Bank' })).toBeNull();
    expect(category({ label: 'RIB of your current bank (24 digits)', name: 'rib' })).toBe(
      'financial',
    );
  });
});

describe("held-out batch 105: a men's health visit", () => {
  it('reads a question about erections as health, on any page', () => {
    expect(
      category({
        kind: 'choice',
        type: 'radio',
        label: 'Rarely',
        description: 'How often do you have trouble getting or keeping an erection?',
      }),
    ).toBe('health');
    expect(category({ label: 'Premature ejaculation' })).toBe('health');
  });
});

describe('held-out batch 107: a postpartum check-in and a Spanish mood diary', () => {
  it('reads a birth and a mood as health', () => {
    expect(
      category({ kind: 'select', label: 'Type of delivery', options: 'Vaginal · C-section' }),
    ).toBe('health');
    expect(category({ kind: 'select', label: 'How are you feeding your baby?' })).toBe('health');
    expect(category({ kind: 'select', label: 'Estado de ánimo' })).toBe('health');
  });

  it('reads time since a delivery and hours of sleep as health on a health page only', () => {
    const page = 'Postpartum check-in · Nurse line · Mercy Birth Center';
    expect(onPage({ label: 'Weeks since delivery' }, page)).toBe('health');
    expect(onPage({ label: 'Weeks since delivery' }, 'Track your order')).toBeNull();
    expect(onPage({ label: 'Hours of sleep' }, page)).toBe('health');
  });
});

describe('held-out batch 108: health in Spanish and Portuguese', () => {
  it.each([
    ['Número do cartão do plano', 'health'],
    // A broker's signing code sent by SMS (held-out batch 109).
    ['Código de firma (SMS)', 'credential'],
    ['¿Te has hecho radiografías o resonancias?', 'health'],
    ['Número do cartão', 'financial'],
  ] as const)('%s is %s', (label, expected) => {
    expect(category({ label })).toBe(expected);
  });

  it("reads a discomfort as health on a clinic's page, an inconvenience elsewhere", () => {
    const label = '¿Desde cuándo tienes la molestia?';
    expect(onPage({ label }, 'Primera valoración – Clínica de Fisioterapia')).toBe('health');
    expect(onPage({ label: 'Disculpe las molestias' }, 'Estado de tu pedido')).toBeNull();
  });
});

describe('held-out batch 110: signing in and approving payments in five languages', () => {
  it.each([
    ['Question secrète : nom de votre premier animal', 'credential'],
    ['Domanda segreta', 'credential'],
    ['Kod z aplikacji mobilnej', 'credential'],
    ['Odpowiedź na pytanie bezpieczeństwa', 'credential'],
    // Held-out batch 111: Jamaica's TRN, New Zealand's Community Services Card.
    ['Taxpayer Registration Number (TRN)', 'national-id'],
    ['Community Services Card number', 'national-id'],
  ] as const)('%s is %s', (label, expected) => {
    expect(category({ label })).toBe(expected);
  });
});

describe("held-out batch 114: a pharmacy's stock is not a patient's", () => {
  it("reads an order's NDC and a box beside a medicine's name as ordinary on a wholesaler's order", () => {
    const order = 'Inventory – Receive order – PharmStock · Receive wholesaler order';
    expect(onPage({ label: 'NDC' }, order)).toBeNull();
    expect(onPage({ label: '', nearby: 'Metformin 500 mg tablets (100)' }, order)).toBeNull();
    expect(onPage({ label: 'NDC' }, 'Purchase order #4471 – Central Pharmacy')).toBeNull();
    // A patient's refill is still health, and so is a questionnaire called an inventory.
    expect(onPage({ label: 'NDC' }, 'Refill request – Central Pharmacy')).toBe('health');
    expect(onPage({ label: 'NDC' }, 'Brief Pain Inventory – Clinic intake')).toBe('health');
  });
});

describe("held-out batch 115: health words that are not a person's health", () => {
  it("reads a newsletter's topics as subjects to read about, a doctor's as the patient's", () => {
    const topic = { kind: 'choice', type: 'checkbox', label: 'Diabetes' } as const;
    expect(category({ ...topic, section: "Topics you'd like to read about" })).toBeNull();
    expect(category({ ...topic, section: 'Newsletters' })).toBeNull();
    // Written with its accent, in Spanish (held-out batch 117).
    expect(category({ ...topic, section: 'Temas del boletín que quieres recibir' })).toBeNull();
    expect(category({ ...topic, section: 'Topics to discuss at your visit' })).toBe('health');
  });

  it("reads a telehealth app's technical support page as about the app", () => {
    const problem = { kind: 'textarea', label: 'What went wrong?' } as const;
    expect(
      onPage(
        problem,
        'Report a problem – CareConnect Telehealth Support · Report a technical problem',
      ),
    ).toBeNull();
    expect(onPage(problem, 'CareConnect Telehealth · Start your visit')).toBe('health');
  });

  it("reads a clinic's staff rota as about its staff (held-out batch 116)", () => {
    const note = { kind: 'textarea', label: 'Note for the team' } as const;
    expect(onPage(note, 'Staff scheduling – Cardiology Clinic – Shift Planner')).toBeNull();
    expect(onPage(note, 'Cardiology Clinic – Visit note')).toBe('health');
  });
});

describe('what a field reads of its surroundings', () => {
  // The DOM descriptor reads the text before a box, its section and the box before it lazily,
  // each a walk of the page: a field its own label names plainly must not ask for them (a rule
  // that did made classifying the 5,000-field page a quarter slower).
  const surroundingsRead = (label: string): string[] => {
    const reads = new Set<string>();
    const descriptor = { ...field({ label, name: 'field_1', id: 'f1' }) };
    for (const key of ['nearby', 'section', 'questionBefore', 'companion', 'keyText'] as const) {
      Object.defineProperty(descriptor, key, {
        get: () => {
          reads.add(key);
          return '';
        },
      });
    }
    classifyField(descriptor, EMPTY_PAGE);
    return [...reads];
  };

  it.each([
    'Social Security number',
    'Card number',
    'Password',
    'API token',
    'First name',
    'Order number',
    'ZIP code',
  ])('%s reads none of them', (label) => {
    expect(surroundingsRead(label)).toEqual([]);
  });

  it('a box whose own name says nothing reads the text before it', () => {
    expect(surroundingsRead('Registration number')).toContain('nearby');
  });
});

describe('held-out batch 118: kinds of care to book or claim back, research topics', () => {
  it('reads a menu of kinds of care on a page that books a visit or claims one back', () => {
    const service = {
      kind: 'select',
      label: 'Service',
      options: "General consultation · Vaccination · Body check · Women's health",
    } as const;
    expect(onPage(service, 'Book a consultation – Harbour Family Clinic, Central')).toBe('health');
    const prestacion = {
      kind: 'select',
      label: 'Tipo de prestación',
      options:
        'Consulta médica · Estudios de diagnóstico · Kinesiología · Psicología · Odontología',
    } as const;
    expect(onPage(prestacion, 'Solicitud de reintegro de prestaciones')).toBe('health');
    // The same menus where no one books or claims care: a clinic's staff rota, a job.
    expect(onPage(service, 'Staff rota – Harbour Family Clinic')).toBeNull();
    expect(onPage(prestacion, 'Alta de profesional en la cartilla')).toBeNull();
  });

  it("reads a family clinic's page as health, so a member number on it is a plan's", () => {
    expect(onPage({ label: 'Policy / member number' }, 'Harbour Family Clinic')).toBe('health');
    expect(
      onPage({ label: 'Policy / member number' }, 'Harbour Marina – Berth booking'),
    ).toBeNull();
  });

  it("reads a disease named as a research project's topic as no one's health", () => {
    const area = {
      kind: 'select',
      label: 'Disease area',
      options: 'Breast cancer · Colorectal cancer · Lung cancer · Leukemia',
    } as const;
    expect(category(area)).toBeNull();
    expect(category({ ...area, label: 'Diagnosis' })).toBe('health');
    const summary = 'Our team studies chemotherapy uptake after colorectal cancer screening.';
    expect(category({ kind: 'textarea', label: 'Lay summary' }, summary)).toBeNull();
    expect(category({ kind: 'textarea', label: 'Notes' }, summary)).toBe('health');
    // An ORCID iD is written in four groups of four digits, like a card's number.
    expect(category({ label: 'ORCID iD', placeholder: '0000-0002-1825-0097' })).toBeNull();
  });

  it('reads Danish CPR numbers in the plural and back pain in Spanish', () => {
    expect(category({ kind: 'textarea', label: 'Angiv deres CPR-numre' })).toBe('national-id');
    expect(
      category(
        { kind: 'textarea', label: 'Observaciones' },
        'Sesiones por mi lumbalgia, 10 en octubre',
      ),
    ).toBe('health');
  });
});

describe('held-out batch 119: a name for a secret, a height picked from a menu', () => {
  it("reads a label asking what to call a thing by its words, not by its placeholder's", () => {
    expect(category({ label: 'Custom header name', placeholder: 'X-Acme-Token' })).toBeNull();
    expect(category({ label: 'Secret name', placeholder: 'db-password' })).toBeNull();
    // The same placeholders under a label that asks for the thing itself.
    expect(category({ label: 'Custom header value', placeholder: 'X-Acme-Token' })).toBe(
      'credential',
    );
    expect(category({ label: 'URL', placeholder: 'postgresql://user:password@host:5432/db' })).toBe(
      'credential',
    );
  });

  it('reads a menu of heights as health under a health heading, a menu of units not', () => {
    const height = { kind: 'select', label: '', nearby: 'Height', section: 'Your health' } as const;
    expect(category({ ...height, options: '5 ft · 6 ft' })).toBe('health');
    expect(category({ ...height, options: '150 cm · 160 cm · 170 cm' })).toBe('health');
    expect(category({ ...height, options: 'ft/in · cm' })).toBeNull();
  });
});

describe('held-out batch 121: sick reports that ask for no diagnosis, a Slovak health card', () => {
  it('reads a box whose aside says to leave health out by its other words, and still reads what is typed', () => {
    const note = {
      kind: 'textarea',
      label: 'Hinweise an die Führungskraft (keine Diagnose angeben)',
      section: 'Krankmeldung einreichen',
    } as const;
    expect(category(note, 'Übergabe an Frau Lenz ist erfolgt.')).toBeNull();
    expect(category({ ...note, label: 'Comments (do not include medical details)' })).toBeNull();
    // What is typed there still counts.
    expect(category(note, 'Ich habe Diabetes und nehme Metformin 500 mg.')).toBe('health');
    // An aside that is part of an answer, or a format hint, is read as before.
    expect(
      category({
        kind: 'choice',
        type: 'radio',
        label: 'No (Do Not Resuscitate)',
        nearby: 'End-of-life decisions',
      }),
    ).toBe('health');
    expect(category({ label: 'Agência (sem dígito)' })).toBe('financial');
  });

  it("reads a Slovak insured person's card number as health", () => {
    expect(category({ label: 'Číslo preukazu poistenca' })).toBe('health');
  });
});

describe('held-out batch 122: an ordinary question under a health heading', () => {
  it("reads a box asking who may pick a child up as no one's health, under any heading", () => {
    const pickup = {
      kind: 'textarea',
      label: 'Who may pick up your child?',
      section: 'Health information for the school nurse',
    } as const;
    expect(category(pickup)).toBeNull();
    // A question about health under the same heading, and a family's history, still are.
    expect(category({ ...pickup, label: 'What medications does your child take at school?' })).toBe(
      'health',
    );
    expect(category({ ...pickup, label: 'Who in your family has had heart disease?' })).toBe(
      'health',
    );
  });
});

describe("held-out batch 123: a hospital's equipment", () => {
  it("reads a temperature and a blood pressure logged for a device as no one's health", () => {
    const heading = "Preventive maintenance log – Biomedical Equipment – St. Luke's Hospital";
    expect(onPage({ label: 'Measured temperature (°C)' }, heading)).toBeNull();
    expect(onPage({ label: 'Simulator blood pressure reading (mmHg)' }, heading)).toBeNull();
    expect(onPage({ label: 'Measured temperature (°C)' }, 'Equipment calibration')).toBeNull();
    // A patient's own, and an EHR's list of screenings due, are health.
    expect(onPage({ label: 'Blood pressure (mmHg)' }, 'Vital signs – Visit note')).toBe('health');
    expect(onPage({ label: 'Blood pressure (mmHg)' }, 'Health maintenance – Chart')).toBe('health');
  });
});

describe('held-out batch 124: Italian licences and tax codes, a disability in an HR note', () => {
  it("reads Italy's driving licence and a family's tax codes", () => {
    expect(category({ label: 'Numero patente di guida' })).toBe('national-id');
    expect(
      category({
        kind: 'textarea',
        label: 'Componenti della famiglia che si trasferiscono (codici fiscali)',
      }),
    ).toBe('national-id');
  });

  it('reads a recognised severe disability in a note as health, alone', () => {
    expect(
      category(
        { kind: 'textarea', label: 'Bemerkungen' },
        'Schwerbehinderung GdB 50 anerkannt, Zusatzurlaub 5 Tage ab 2027.',
      ),
    ).toBe('health');
    expect(
      category({ kind: 'textarea', label: 'Bemerkungen' }, 'Zusatzurlaub 5 Tage ab 2027.'),
    ).toBeNull();
  });
});

describe("the UK's tax reference (a local real-world form)", () => {
  it('reads "Tax Reference" as a tax number, and a reference number as nothing', () => {
    expect(category({ label: 'Tax Reference' })).toBe('national-id');
    expect(category({ label: 'Tax reference number' })).toBe('national-id');
    expect(category({ label: 'Reference number' })).toBeNull();
  });
});

describe('a label sweep of generic names under headings (2026-12-05)', () => {
  it("reads an ID or number under a health insurance heading as the plan's, its carrier not", () => {
    expect(category({ label: 'ID', section: 'Health insurance' })).toBe('health');
    expect(category({ label: 'Number', section: 'Health insurance' })).toBe('health');
    expect(category({ label: 'Health insurance ID' })).toBe('health');
    expect(category({ label: 'Health insurance carrier' })).toBeNull();
    expect(category({ label: 'Health insurance company' })).toBeNull();
  });

  it("reads an allergy's reaction and severity as health, an incident's not", () => {
    expect(category({ label: 'Reaction', section: 'Allergies' })).toBe('health');
    expect(category({ label: 'Severity', section: 'Allergies' })).toBe('health');
    expect(category({ label: 'Severity', section: 'Incident details' })).toBeNull();
    expect(category({ label: 'Reaction', section: 'Customer feedback' })).toBeNull();
  });

  it("reads Ireland's PPS number by its full name", () => {
    expect(category({ label: 'Personal Public Service Number' })).toBe('national-id');
  });
});

describe('direct deposit', () => {
  it("reads a generic box under 'Direct deposit' as the account, and its dates and amounts not", () => {
    expect(category({ label: 'Account', section: 'Direct deposit' })).toBe('financial');
    expect(category({ label: 'Direct deposit account number' })).toBe('financial');
    for (const label of [
      'Direct deposit start date',
      'Direct deposit effective date',
      'Direct deposit amount',
      'Direct deposit percentage',
    ]) {
      expect(category({ label }), label).toBeNull();
    }
    // A payment method's choice, and the bank's name.
    expect(category({ kind: 'choice', type: 'radio', label: 'Direct deposit' })).toBeNull();
    expect(category({ label: 'Bank name', section: 'Direct deposit' })).toBeNull();
  });
});

describe('held-out batch 127: a Polish HR questionnaire', () => {
  it('reads a Polish disability certificate as health', () => {
    expect(
      category({
        kind: 'select',
        label: 'Orzeczenie o niepełnosprawności',
        options: 'Brak · Lekki · Umiarkowany · Znaczny',
      }),
    ).toBe('health');
    expect(category({ label: 'Stopień niepełnosprawności' })).toBe('health');
  });
});

describe('held-out batch 128: an identity document and who issued it', () => {
  it('reads who or where issued an ID as ordinary, and the ID itself as an ID', () => {
    for (const label of [
      'Passport issued by',
      'ID card issued by',
      'Passport issuing authority',
      'DNI expedido por',
      'Cédula expedida en',
      'Lična karta izdata od (PU)',
      'Osobna iskaznica izdana u',
      'Personalausweis ausgestellt von',
      "Carta d'identità rilasciata da",
    ]) {
      expect(category({ label }), label).toBeNull();
    }
    for (const label of [
      'Broj lične karte',
      'Osobna iskaznica',
      'DPI / CUI',
      'Passport number',
      'Government-issued ID number',
    ]) {
      expect(category({ label }), label).toBe('national-id');
    }
  });

  it('reads Baltic and South Slavic clinic words, and Guatemala’s checking account', () => {
    expect(category({ kind: 'textarea', label: 'Hroniskas slimības' })).toBe('health');
    expect(category({ kind: 'textarea', label: 'Lietotie medikamenti' })).toBe('health');
    expect(category({ label: 'Alerģijas' })).toBe('health');
    expect(category({ label: 'Kronične bolesti' })).toBe('health');
    expect(category({ label: 'Lijekovi koje uzimate' })).toBe('health');
    expect(category({ label: 'Cuenta monetaria para el desembolso' })).toBe('financial');
    expect(category({ label: 'Número de afiliación IGSS' })).toBe('national-id');
  });
});

describe("held-out batch 129: a thing's page that asks about the people around it", () => {
  it("reads a question about anyone's health on a maintenance request or an IT ticket as health", () => {
    const label =
      'Anyone in the home with a health condition staff should know about (e.g. asthma, for pest treatment)?';
    expect(onPage({ label }, 'Submit a maintenance request – Resident Portal')).toBe('health');
    expect(
      onPage(
        { label: 'Does anyone on your team have a disability that needs accessible equipment?' },
        'New laptop request – IT Service Portal',
      ),
    ).toBe('health');
    // The thing's own condition stays no one's health.
    expect(
      onPage({ label: 'Symptoms (what the laptop does)' }, 'Report a problem – IT Service Portal'),
    ).toBeNull();
  });
});

describe("held-out batch 130: a German payroll sheet and a French tenant's file", () => {
  it("reads 'Schwerbehindert' and a 'pièce d'identité' number, and not the kind of document", () => {
    expect(
      category({ kind: 'select', label: '', nearby: 'Schwerbehindert', options: 'nein · ja' }),
    ).toBe('health');
    expect(category({ label: "Numéro de la pièce d'identité" })).toBe('national-id');
    expect(
      category({
        kind: 'select',
        label: "Type de pièce d'identité",
        options: "Carte nationale d'identité · Passeport · Titre de séjour",
      }),
    ).toBeNull();
  });
});

describe('typed notes, 2026-12-05: IBANs as people type them, getting over an operation', () => {
  const note = { kind: 'textarea' as const, type: 'textarea', label: 'Notes' };

  it('finds an IBAN followed by more capitals, or typed in lower case after its name', () => {
    for (const value of [
      'IBAN: DE89370400440532013000 BIC: COBADEFFXXX',
      'Please pay DE89 3704 0044 0532 0130 00 EUR 250',
      'ref ab12 DE89 3704 0044 0532 0130 00 thanks',
      'Please wire to IBAN de89 3704 0044 0532 0130 00',
      'my iban is gb29nwbk60161331926819 thanks',
    ]) {
      expect(category(note, value), value).toBe('financial');
    }
    // In lower case with nothing naming it, a run that passes the check is left alone.
    expect(category(note, 'de89 3704 0044 0532 0130 00')).toBeNull();
  });

  it("reads a medical word as someone's when they are recovering from it", () => {
    expect(category(note, "I'm recovering from knee surgery and can't do stairs")).toBe('health');
    expect(category(note, 'Mark is recovering from the flu, back Monday')).toBe('health');
    expect(category(note, 'Se está recuperando de la cirugía, vuelve el lunes')).toBe('health');
    expect(category(note, 'The team is recovering from the outage, postmortem Friday')).toBeNull();
  });

  it('reads a blood pressure reading, and an appointment with a kind of doctor, as health', () => {
    expect(category(note, 'BP 150/95, HR 88')).toBe('health');
    expect(category(note, 'blood pressure was 142/91 this morning')).toBe('health');
    expect(category(note, 'presión arterial 130/85')).toBe('health');
    expect(category(note, "J'ai un rendez-vous chez le psychiatre jeudi")).toBe('health');
    // Not a fiscal year, a share price's range, a build's ratio or a sales meeting.
    expect(category(note, 'BP 2026/27 budget review')).toBeNull();
    expect(category(note, 'Shares of BP 450/460 range')).toBeNull();
    expect(category(note, 'Ratio 150/95 for the build')).toBeNull();
    expect(category(note, 'Appointment with the dental sales rep on Friday')).toBeNull();
  });
});

describe("held-out batch 131: a course's evaluation", () => {
  it('reads the diseases a course taught as no one’s health, and a question to the student as theirs', () => {
    const heading = 'End-of-term course evaluation – NURS 320 Pathophysiology';
    expect(
      onPage({ label: 'Which unit was most useful (e.g. diabetes, heart failure)?' }, heading),
    ).toBeNull();
    expect(
      onPage(
        {
          kind: 'choice',
          type: 'radio',
          label: 'Strongly agree',
          nearby: 'The course covered cardiovascular, respiratory and renal disorders.',
        },
        heading,
      ),
    ).toBeNull();
    expect(
      onPage(
        { kind: 'select', label: 'Do you need an accommodation for a documented disability?' },
        heading,
      ),
    ).toBe('health');
    // The same question about diseases elsewhere is health.
    expect(
      onPage({ label: 'Which condition do you have (e.g. diabetes, heart failure)?' }, 'Intake'),
    ).toBe('health');
  });
});

describe('held-out batch 132: a menu where health is one choice among others', () => {
  it('flags the menu when a health choice is picked, and not before', () => {
    const menu = field({
      kind: 'select',
      label: 'Reason for leave',
      options:
        'Personal leave · My own serious health condition · To care for a family member with a serious health condition · Birth or placement of a child · Military leave',
    });
    const analysis = analyzeField(menu, EMPTY_PAGE);
    expect(verdictWithValue(analysis, undefined).category).toBeNull();
    expect(verdictWithValue(analysis, 'My own serious health condition').category).toBe('health');
    expect(verdictWithValue(analysis, 'Illness or injury').category).toBe('health');
    expect(verdictWithValue(analysis, 'Birth or placement of a child').category).toBeNull();
    expect(verdictWithValue(analysis, 'Military leave').category).toBeNull();
    // A menu named by an ordinary word picks an ordinary thing; an animal's is no one's health.
    const country = analyzeField(
      field({ kind: 'select', label: 'Country', options: 'Georgia · Chad' }),
      EMPTY_PAGE,
    );
    expect(verdictWithValue(country, 'Georgia').category).toBeNull();
    const vet = analyzeField(
      field({ kind: 'select', label: 'Reason for visit', options: 'Vaccination · Vomiting' }),
      { ...EMPTY_PAGE, heading: 'Book a vet appointment for your dog' },
    );
    expect(verdictWithValue(vet, 'Vomiting').category).toBeNull();
  });

  it("reads pregnancy as 'gestación'", () => {
    expect(
      category({ kind: 'select', label: '¿Está en periodo de gestación?', options: 'No · Sí' }),
    ).toBe('health');
  });
});

describe('held-out misses left from earlier sessions', () => {
  it("reads a bank's challenge answer by its name, under a question the lexicon does not know", () => {
    expect(
      category({ label: 'What is your favorite movie?', name: 'challengeAnswer', id: 'q1' }),
    ).toBe('credential');
    expect(category({ label: 'What is your favorite movie?', name: 'movie' })).toBeNull();
  });

  it('reads a condition beside a doctor in a note as health, and a doctor alone not', () => {
    const note = { kind: 'textarea' as const, type: 'textarea', label: 'Note to your manager' };
    expect(
      category(note, 'Migraine since last night, the doctor says to rest through Wednesday.'),
    ).toBe('health');
    expect(category(note, 'Flu, the doctor told me to stay home')).toBe('health');
    expect(category(note, 'Our doctor on call this week is Dr. Patel')).toBeNull();
    expect(category(note, 'The clinic is closed on Monday')).toBeNull();
  });
});

describe("a member's number where the membership is not a health plan's", () => {
  it("reads 'Member ID' at a coffee shop's rewards or on a child-support coupon as ordinary", () => {
    expect(
      classifyField(
        field({ label: 'Member ID', name: 'memberId', section: 'My rewards profile' }),
        {
          ...EMPTY_PAGE,
          heading: 'My rewards – Bean & Leaf Coffee',
        },
      ).category,
    ).toBeNull();
    expect(
      onPage(
        { label: 'Member ID (on your payment coupon)', name: 'memberId' },
        'Child Support Services – Make a Payment',
      ),
    ).toBeNull();
    // A health plan's, or one with nothing around it, stays health.
    expect(category({ label: 'Member ID', name: 'memberId' })).toBe('health');
    expect(onPage({ label: 'Member ID' }, 'Check your benefits – Blue Shield')).toBe('health');
    expect(onPage({ label: 'Member ID' }, "Refill a prescription – Sam's Club Pharmacy")).toBe(
      'health',
    );
    // A health word of its own keeps it health whatever the page.
    expect(onPage({ label: 'Health plan member ID' }, 'My rewards – Bean & Leaf Coffee')).toBe(
      'health',
    );
  });
});

describe('Spanish notes, 2026-12-05', () => {
  const note = { kind: 'textarea' as const, type: 'textarea', label: 'Notas' };

  it("finds Mexico's RFC and Argentina's CBU named in a note, and not a company's RFC", () => {
    expect(category(note, 'RFC GODE561231GR8 para la factura a mi nombre')).toBe('national-id');
    expect(category(note, 'CBU 2850590940090418135201')).toBe('financial');
    expect(category(note, 'RFC de la empresa: ABC010101AB1')).toBeNull();
    expect(category(note, 'Pedido 2850590940090418135201 enviado')).toBeNull();
  });

  it('reads a treatment, an allergy and a diagnosis told in Spanish as health', () => {
    expect(category(note, 'Estoy en tratamiento de quimioterapia')).toBe('health');
    expect(category(note, 'Alérgica a la penicilina')).toBe('health');
    expect(category(note, 'Le diagnosticaron cáncer de mama en marzo')).toBe('health');
    expect(category(note, 'Tomo nota del tratamiento de datos del proyecto')).toBeNull();
    expect(category(note, 'Estoy en la reunión de las 10')).toBeNull();
  });
});

describe('a card-shaped number named as something else', () => {
  const note = { kind: 'textarea' as const, type: 'textarea', label: 'Notes' };

  it('reads a Luhn-valid number right after an order, tracking or ticket name as theirs', () => {
    expect(category(note, 'Order number 4532015112830366 shipped')).toBeNull();
    expect(category(note, 'Tracking 4532015112830366')).toBeNull();
    expect(category(note, 'Ticket #4532015112830366 closed')).toBeNull();
    // A card named nearer than the order, or with nothing before it, is still a card.
    expect(category(note, 'Order 1234 paid with card 4532015112830366')).toBe('financial');
    expect(category(note, '4532015112830366 exp 09/28')).toBe('financial');
  });
});

describe('label sweeps, 2026-12-05: ordinary labels with a sensitive word in them', () => {
  it("reads a timesheet's sick leave balance, a password manager's name and an ID's reason as ordinary", () => {
    expect(category({ label: 'Sick leave balance (hours)', name: 'sickBal' })).toBeNull();
    expect(category({ label: 'Password manager you use (optional)' })).toBeNull();
    expect(category({ label: 'SSN replacement reason' })).toBeNull();
    expect(category({ label: 'Passport renewal reason' })).toBeNull();
    // The things themselves still count.
    expect(category({ kind: 'select', label: 'Sick leave', section: 'Leave type' })).toBe('health');
    expect(
      category({ kind: 'password', type: 'password', label: 'Password manager master password' }),
    ).toBe('credential');
    expect(category({ label: 'SSN' })).toBe('national-id');
  });
});

describe("held-out batch 135: a paycheck's split between accounts", () => {
  it("reads a box named for an account's share of the paycheck as ordinary, and the account as financial", () => {
    expect(
      category({
        label: 'Percentage of paycheck',
        name: 'bank_accounts[0][split_percent]',
        section: 'Account 1 · Direct deposit',
      }),
    ).toBeNull();
    expect(category({ label: '', name: 'bank_account_amount' })).toBeNull();
    expect(
      category({
        label: 'Account number',
        name: 'bank_accounts[0][account_number]',
        section: 'Account 1 · Direct deposit',
      }),
    ).toBe('financial');
  });
});

describe('held-out batch 135: a dental claim rendered late', () => {
  it("reads a dental procedure and its CDT code as health, and 'CDT' alone not", () => {
    expect(
      category({ label: 'Procedure (e.g. crown, root canal)', section: 'Submit a dental claim' }),
    ).toBe('health');
    expect(category({ label: 'CDT code', placeholder: 'D2740' })).toBe('health');
    expect(category({ label: 'Meeting time (CDT)' })).toBeNull();
  });
});

describe('held-out batch 136: a token shown once', () => {
  it("reads 'copy it' in a token's aside as an instruction, and a passport's copy as a file", () => {
    expect(category({ label: "Your new token (copy it now, it won't be shown again)" })).toBe(
      'credential',
    );
    expect(category({ label: 'Passport copy' })).toBeNull();
  });
});

describe('held-out batch 137: a security questionnaire, a medical certificate, an account elsewhere', () => {
  it("reads a court's finding of mental incompetence and a visit's reason as health", () => {
    expect(
      category({
        label:
          'In the last seven (7) years, has a court or administrative agency declared you mentally incompetent?',
        kind: 'select',
      }),
    ).toBe('health');
    expect(
      category({
        label: 'Reason for the visit',
        section: 'Item 19 – Visits to health professionals within the last 3 years',
      }),
    ).toBe('health');
  });

  it('reads an account at another bank as financial, and what kind of account it is not', () => {
    expect(category({ label: 'Account at another bank (number)' })).toBe('financial');
    expect(category({ label: 'Número de cuenta en otro banco' })).toBe('financial');
    expect(category({ label: 'Broj računa u drugoj banci' })).toBe('financial');
    expect(category({ label: 'Tipo de cuenta bancaria', kind: 'select' })).toBeNull();
    expect(category({ label: 'Banco de la cuenta', kind: 'select' })).toBeNull();
    // A menu of the customer's own masked accounts (held-out pages annotate it none).
    expect(category({ label: 'Cuenta de origen', kind: 'select' })).toBeNull();
  });
});

describe('held-out batch 138: seats for a wheelchair', () => {
  it("reads a venue's accessible seating as health, and a seat's place not", () => {
    expect(
      category({ label: 'Accessible seating needed for the recipient?', kind: 'select' }),
    ).toBe('health');
    expect(category({ label: 'Section / Row / Seat' })).toBeNull();
  });
});

describe('held-out batch 139: an Icelandic health centre, a Croatian tax return', () => {
  it("reads an Icelandic clinic's visit reason, medicines and allergies as health", () => {
    const section = 'Bóka tíma hjá lækni';
    expect(category({ label: 'Ástæða komu', kind: 'textarea', section })).toBe('health');
    expect(category({ label: 'Lyf sem þú tekur að staðaldri', kind: 'textarea', section })).toBe(
      'health',
    );
    expect(category({ label: 'Ofnæmi', section })).toBe('health');
    expect(category({ label: 'Netfang', section })).toBeNull();
  });

  it("reads a disability's percentage on a tax return as health, and the income not", () => {
    expect(category({ label: 'Invaliditet (postotak tjelesnog oštećenja)' })).toBe('health');
    expect(category({ label: 'Iznos dohotka (EUR)' })).toBeNull();
  });
});

describe('typed notes, 2026-12-05: a kind of doctor, an operation, an allergy, an ID named as a document', () => {
  const note = { kind: 'textarea', label: 'Notes' } as const;

  it("reads someone's own kind of doctor as health, and a doctor's job or a routine visit not", () => {
    expect(category(note, 'Need Friday off, I have a follow-up with my oncologist')).toBe('health');
    expect(category(note, 'Tengo cita con el ginecólogo por un quiste')).toBe('health');
    expect(category(note, 'Voy al psiquiatra el martes a las 9')).toBe('health');
    expect(category(note, 'I work as an oncologist at the county hospital')).toBeNull();
    expect(category(note, "We are going to the surgeon general's press briefing")).toBeNull();
    expect(category(note, 'I have a dentist appointment at 3, back by 4')).toBeNull();
  });

  it('reads an operation, an allergy, a result, a lost pregnancy and two conditions as health', () => {
    expect(category(note, 'Me operaron de la vesícula la semana pasada')).toBe('health');
    expect(category(note, 'Allergic to shellfish and latex')).toBe('health');
    expect(category(note, 'Positive for COVID this morning, staying home')).toBe('health');
    expect(category(note, 'miscarriage last week, taking a few days')).toBe('health');
    expect(category(note, 'Soy diabético e hipertenso')).toBe('health');
    expect(category(note, 'The product is positive for the quarter')).toBeNull();
  });

  it("reads a document's number after its name, whatever check it passes or dashes it has", () => {
    // "A123456789" also passes Taiwan's check, which needs a national ID's name.
    expect(category(note, 'Green card number (USCIS#) A123456789')).toBe('national-id');
    expect(category(note, 'Driver license D123-4567-8901 (IL)')).toBe('national-id');
    expect(category(note, 'Ticket D123-4567-8901 closed')).toBeNull();
    // Mexico's NSS after its name, when its check digit is right.
    // (The IMSS's own example, 12345678903, also passes Croatia's OIB check: not a test of this.)
    expect(category(note, 'NSS 43158812347 del IMSS')).toBe('national-id');
    expect(category(note, 'NSS 43158812348 del IMSS')).toBeNull();
  });

  it('reads a password named for what it opens, then a verb', () => {
    expect(category(note, 'La contraseña del portal es Luna#2026')).toBe('credential');
    expect(category(note, 'La contraseña del portal es obligatoria desde 2026')).toBeNull();
  });
});

describe('typed notes, 2026-12-05: aid that is not AIDS, a relative, a first word without its I', () => {
  const note = { kind: 'textarea', label: 'Notes' } as const;

  it('reads financial, student and first aid as ordinary, and AIDS and first aid given as health', () => {
    expect(category({ label: 'Financial aid amount' })).toBeNull();
    expect(category({ label: 'Student aid ID' })).toBeNull();
    expect(category({ label: 'First aid certified', kind: 'choice', type: 'checkbox' })).toBeNull();
    expect(category({ label: 'AIDS', kind: 'choice', type: 'checkbox' })).toBe('health');
    expect(category({ label: 'HIV/AIDS', kind: 'choice', type: 'checkbox' })).toBe('health');
    expect(category({ label: 'Was first aid given?', kind: 'select' })).toBe('health');
    expect(
      category(note, 'Please restock the first aid kits and the allergy signage in the cafeteria'),
    ).toBeNull();
  });

  it("reads a relative's condition and a note's first 'Had' as someone's, and flu season not", () => {
    expect(category(note, "Mom's dementia is getting worse, may need to leave early")).toBe(
      'health',
    );
    expect(category(note, 'Had a panic attack in the meeting, taking a walk')).toBe('health');
    expect(category(note, "I'm on antibiotics for strep, working from home today")).toBe('health');
    expect(category(note, 'Flu season staffing plan: add two float nurses to nights')).toBeNull();
    expect(category(note, 'Shipment of 500 flu vaccine doses arrives Monday')).toBeNull();
    expect(category(note, 'Had a great meeting about our diabetes product line')).toBeNull();
  });
});

describe('plurals read as everyday words: hives, shingles, vitals, chills', () => {
  it('reads them as health only as a whole label, and the everyday word not', () => {
    for (const label of ['Hives', 'Shingles', 'Vitals', 'Chills']) {
      expect(category({ label, kind: 'choice', type: 'checkbox' })).toBe('health');
    }
    expect(category({ label: 'Hive metastore URI' })).toBeNull();
    expect(category({ label: 'Shingle color', kind: 'select' })).toBeNull();
    expect(category({ label: 'Vital records office' })).toBeNull();
    expect(category({ label: 'Chill time (minutes)' })).toBeNull();
    expect(category({ label: 'Fever or chills', kind: 'choice', type: 'checkbox' })).toBe('health');
    // A field named for one is a table's or a roof's.
    expect(category({ label: 'Table', name: 'hive' })).toBeNull();
    expect(category({ label: 'Color', id: 'shingle', kind: 'select' })).toBeNull();
  });
});

describe('a sweep of everyday labels with a medical word, 2026-12-05', () => {
  it("reads a drawing's stroke, an experiment's arm, a seizure of assets and a recipe as ordinary", () => {
    for (const label of [
      'Stroke color',
      'Stroke width (px)',
      'Treatment group (A/B test)',
      'Asset seizure case number',
      'Drug store chain',
      'Receta de cocina favorita',
      'Tratamiento de la superficie',
      'Grupo de tratamiento (prueba A/B)',
    ]) {
      expect(category({ label }), label).toBeNull();
    }
    expect(category({ label: 'Stroke', kind: 'choice', type: 'checkbox' })).toBe('health');
    expect(category({ label: 'Have you had a stroke?', kind: 'select' })).toBe('health');
  });
});

describe("a sweep of everyday labels with a secret's or an account's word, 2026-12-05", () => {
  it("reads a language model's tokens, a queue's routing, a map's pin and a recipe's secret as ordinary", () => {
    for (const label of [
      'Max tokens',
      'Max output tokens',
      'Tokens used',
      'Token limit',
      'Routing key (RabbitMQ)',
      'Call routing number',
      'Pin to top',
      'Pin location',
      'Secret ingredient',
      'Token ring adapter model',
    ]) {
      expect(category({ label }), label).toBeNull();
    }
    expect(category({ label: 'Access token' })).toBe('credential');
    expect(category({ label: 'Token', type: 'password' })).toBe('credential');
    expect(category({ label: 'Routing number' })).toBe('financial');
    expect(category({ label: 'Card PIN' })).toBe('credential');
  });
});

describe("a sweep of everyday labels with an ID's word, 2026-12-05", () => {
  it("reads an engineering team's RFC and an image's panning as ordinary, and Mexico's RFC not", () => {
    for (const label of ['Related RFC', 'RFC link', 'Pan and zoom speed']) {
      expect(category({ label }), label).toBeNull();
    }
    expect(category({ label: 'RFC' })).toBe('national-id');
    expect(category({ label: 'RFC del cliente' })).toBe('national-id');
    expect(category({ label: 'PAN card number' })).toBe('national-id');
  });
});

describe("held-out batch 141: a design tool's stroke, Peru's EsSalud", () => {
  it("reads a stroke's position as ordinary, and an EsSalud insured person's code as health", () => {
    expect(category({ label: 'Stroke position', name: 'strokeAlign', kind: 'select' })).toBeNull();
    expect(category({ label: 'Código de asegurado (autogenerado EsSalud)' })).toBe('health');
  });
});

describe('a sweep of everyday labels in shops, logistics and bookkeeping, 2026-12-05', () => {
  it("reads a ledger's account numbers as ordinary, and a bank account's not", () => {
    for (const label of [
      'GL account number',
      'General ledger account number',
      'Revenue account number',
      'Offset account number',
    ]) {
      expect(category({ label }), label).toBeNull();
    }
    expect(category({ label: 'Account number' })).toBe('financial');
    expect(category({ label: 'Checking account number' })).toBe('financial');
  });
});

describe('a sweep of sensitive labels in new words, 2026-12-05', () => {
  it('reads a state-issued ID, an I-94 record, consular and identity cards and a visit today', () => {
    expect(category({ label: 'State-issued ID number' })).toBe('national-id');
    expect(category({ label: 'I-94 record number' })).toBe('national-id');
    expect(category({ label: 'Matrícula consular' })).toBe('national-id');
    expect(category({ label: 'Carnet de extranjería' })).toBe('national-id');
    expect(category({ label: 'Tarjeta de identidad (menores)' })).toBe('national-id');
    expect(category({ label: "Reason for today's visit", kind: 'textarea' })).toBe('health');
  });
});

describe('typed notes, 2026-12-05: numbers named as something else, and a social as people say it', () => {
  const note = { kind: 'textarea', label: 'Notes' } as const;

  it("reads an SSN-shaped number named as an order's or a version, and a test card, as ordinary", () => {
    expect(category(note, 'Pedido 518-42-7796 entregado el lunes')).toBeNull();
    expect(category(note, 'Version 518.42.7796 of the firmware')).toBeNull();
    expect(category(note, 'Use the test card 4242 4242 4242 4242 in staging only')).toBeNull();
    expect(category(note, 'New hire: Maria Lopez, SSN 518-42-7796, start 1/6')).toBe('national-id');
    expect(category(note, 'Refund to card 4111 1111 1111 1111 exp 09/28')).toBe('financial');
  });

  it("reads 'her social is' before nine digits as a Social Security number, and social media not", () => {
    expect(category(note, 'Her social is 518427796, please verify before payroll')).toBe(
      'national-id',
    );
    expect(category(note, 'my social: 518-42-7796')).toBe('national-id');
    expect(category(note, 'Check my social media: 518427796 followers')).toBeNull();
  });
});

describe("held-out batch 143: a loan's number in Spanish", () => {
  it("reads an INFONAVIT credit's or a loan's number as financial, and a student's credits not", () => {
    expect(category({ label: 'Número de crédito INFONAVIT (si tienes)' })).toBe('financial');
    expect(category({ label: 'Número de préstamo' })).toBe('financial');
    expect(category({ label: 'Número de créditos' })).toBeNull();
  });
});

describe("a sweep of conditions as a list's answers, 2026-12-05", () => {
  it('reads each as health, and a drop or a waterfall not', () => {
    for (const label of [
      'Scoliosis',
      'Nosebleeds',
      'Irregular heartbeat',
      'Endometriosis',
      'PCOS',
      'Macular degeneration',
      'Gota',
      'Cálculos renales',
      'Hipotiroidismo',
      'Apnea del sueño',
      'Falta de aire',
      'Palpitaciones',
      'Cataratas',
      'Sordera',
    ]) {
      expect(category({ label, kind: 'choice', type: 'checkbox' }), label).toBe('health');
    }
    expect(category({ label: 'Gota a gota (sistema de riego)' })).toBeNull();
    expect(category({ label: 'Excursión a las Cataratas del Iguazú' })).toBeNull();
  });
});

describe('typed notes, 2026-12-05: a treatment begun', () => {
  const note = { kind: 'textarea', label: 'Notes' } as const;

  it("reads 'started on' a medicine as someone's, and a plan named after one not", () => {
    expect(category(note, 'Started on insulin last week, feeling ok')).toBe('health');
    expect(category(note, 'Empezó con enalapril, started on enalapril last week')).toBe('health');
    expect(category(note, 'Started on the insulin pump marketing plan last week')).toBeNull();
    expect(category(note, 'Put on the agenda: diabetes awareness month')).toBeNull();
  });
});

describe("a sweep of an admin's settings, 2026-12-05", () => {
  it("reads a field's visibility setting and a leave policy's text as ordinary", () => {
    expect(category({ label: 'Employee SSN field visibility', kind: 'select' })).toBeNull();
    expect(category({ label: 'SSN masking', kind: 'select' })).toBeNull();
    expect(category({ label: 'Medical leave policy text', kind: 'textarea' })).toBeNull();
    expect(category({ label: 'Reason for medical leave', kind: 'textarea' })).toBe('health');
    expect(category({ label: 'Social Security number (masked)' })).toBe('national-id');
  });
});

describe('held-out batch 144: a return to work, a video consultation', () => {
  it("reads a return with a provider's restrictions as health on a health page, and elsewhere not", () => {
    const heading = 'Return to work – Fitness for duty | Employee Health Services';
    expect(
      onPage({ label: 'Are you returning without restrictions?', kind: 'select' }, heading),
    ).toBe('health');
    expect(onPage({ label: 'Restrictions end on', type: 'date' }, heading)).toBe('health');
    expect(category({ label: 'Work authorization with restrictions?', kind: 'select' })).toBeNull();
    expect(category({ label: 'Motivo de la teleconsulta', kind: 'textarea' })).toBe('health');
  });
});

describe("held-out batch 145: a clinician's credentials, a rep's products, a venue's accessibility", () => {
  it('reads professional credentials and a catalogue of medicines as ordinary', () => {
    expect(
      category({ label: 'Full name and credentials', placeholder: 'Jane Doe, RN, OCN' }),
    ).toBeNull();
    expect(
      category({
        label: 'Products discussed',
        kind: 'select',
        options: 'Glucora (semaglutide) · Basalix (insulin glargine)',
      }),
    ).toBeNull();
    expect(category({ label: 'Database credentials' })).toBe('credential');
    expect(category({ label: 'Product key' })).toBe('credential');
  });

  it('reads accessibility needs at a venue as health', () => {
    expect(category({ label: 'Accessibility needs at the venue', kind: 'textarea' })).toBe(
      'health',
    );
  });
});

describe('a sweep of everyday labels in Spanish, 2026-12-05', () => {
  it("reads a boarding pass as ordinary and a software licence's number as its key", () => {
    expect(category({ label: 'Número de tarjeta de embarque' })).toBeNull();
    expect(category({ label: 'Número de licencia de software' })).toBe('credential');
    expect(category({ label: 'Software license number' })).toBe('credential');
    expect(category({ label: 'Número de licencia' })).toBe('national-id');
    expect(category({ label: 'Número de tarjeta' })).toBe('financial');
  });
});

describe('typed notes in Spanish, 2026-12-05', () => {
  const note = { kind: 'textarea', label: 'Comentarios' } as const;

  it('reads an operation to come, being celiac and catching COVID as health', () => {
    expect(category(note, 'Me van a operar de la rodilla el 15')).toBe('health');
    expect(category(note, 'Soy celíaca, por favor sin gluten en el almuerzo del equipo')).toBe(
      'health',
    );
    expect(category(note, 'Me dio COVID, aislamiento hasta el lunes')).toBe('health');
    expect(category(note, 'Dio una charla sobre diabetes en el congreso')).toBeNull();
    expect(category(note, 'Revisar la receta del flan para la fiesta')).toBeNull();
  });
});

describe('a last sweep of everyday labels, 2026-12-05', () => {
  it("reads a spa's treatments, a tobacco shop's licence, added time and a reset link as ordinary", () => {
    for (const label of [
      'Spa treatment',
      'Hair treatment',
      'Tobacco retailer license number',
      'Injury time',
      'Password reset link expiry (hours)',
      'Token URL (OAuth endpoint)',
    ]) {
      expect(category({ label }), label).toBeNull();
    }
    expect(category({ label: 'Do you use tobacco?', kind: 'select' })).toBe('health');
    expect(category({ label: 'Slack webhook URL' })).toBe('credential');
    expect(category({ label: 'Database URL' })).toBe('credential');
  });
});

describe('held-out batch 147: form builders and platforms', () => {
  it("reads a driver's licence written short, and a Spanish health insurance number", () => {
    expect(category({ label: "Driver's Lic. No." })).toBe('national-id');
    expect(category({ label: 'License Number', id: 'DRIVERS_LIC_DRIVERS_LIC_NBR$0' })).toBe(
      'national-id',
    );
    expect(category({ label: 'State', id: 'DRIVERS_LIC_STATE$0' })).toBeNull();
    expect(category({ label: 'Número de afiliación al seguro de salud (si tiene)' })).toBe(
      'health',
    );
    expect(category({ label: 'Número de seguro médico' })).toBe('health');
    // Which insurer or fund is not the person's cover.
    expect(category({ label: 'Compañía de seguro médico' })).toBeNull();
    expect(category({ label: 'Obra social elegida', kind: 'select' })).toBeNull();
  });

  it("reads a code-making device's serial number as ordinary, not an ID card's", () => {
    expect(category({ label: 'Hardware token serial number' })).toBeNull();
    expect(category({ label: 'Serial', name: 'mfa_serial' })).toBeNull();
    expect(category({ label: 'Hardware token code' })).toBe('credential');
    expect(category({ label: 'ID card serial number' })).toBe('national-id');
  });

  it('reads an XForms box by its own name, not its group', () => {
    // The answer "Sí" of "¿Cuenta el hogar con agua potable?" in the group "salud".
    expect(
      category({ kind: 'choice', type: 'radio', label: 'Sí', name: '/data/salud/agua' }),
    ).toBeNull();
    expect(category({ kind: 'choice', type: 'radio', label: 'Sí', name: 'salud' })).toBe('health');
    expect(category({ label: 'Medicamentos', name: '/data/salud/medicamentos' })).toBe('health');
  });
});

describe('held-out batch 148: help desks, applications, signing and survey tools', () => {
  it('reads a request box whose hint says to leave account numbers out as ordinary', () => {
    const hint =
      'Please enter the details of your request. Please do not include bank account numbers.';
    expect(category({ kind: 'textarea', label: 'Description', description: hint })).toBeNull();
    expect(category({ label: '', description: 'Your bank account number' })).toBe('financial');
  });

  it("reads a disability form's signature and its date as ordinary, not the disability", () => {
    expect(category({ label: 'Date', name: 'eeo[disabilitySignatureDate]' })).toBeNull();
    expect(category({ label: '', name: 'eeo[disabilitySignature]' })).toBeNull();
    expect(category({ label: '', name: 'eeo[disability]', kind: 'select' })).toBe('health');
  });
});

describe('held-out batch 149: developer platforms', () => {
  it('reads a search box that says it searches or filters as a query', () => {
    expect(category({ label: 'Filter API keys', type: 'search' })).toBeNull();
    expect(category({ label: 'Buscar tarjetas', type: 'search' })).toBeNull();
    // A box marked as a search whose label names only the thing is that thing's.
    expect(category({ label: 'SSN', type: 'search' })).toBe('national-id');
    expect(category({ label: 'Filter API keys' })).toBe('credential');
  });

  it("reads a secret's description named short as ordinary", () => {
    expect(category({ label: 'Description', id: 'secret-desc' })).toBeNull();
    expect(category({ label: '', id: 'secret' })).toBe('credential');
    // A health word's description is the health data itself.
    expect(category({ label: '', name: 'diagnosis_desc' })).toBe('health');
  });

  it('reads a bare "Key" under a new API key as that key, elsewhere as a row\'s name', () => {
    expect(category({ label: 'Key', section: 'New API Key · Organization Settings' })).toBe(
      'credential',
    );
    expect(category({ label: 'Key', section: 'Add variable · Variables' })).toBeNull();
    expect(category({ label: 'Key' })).toBeNull();
  });
});

describe('held-out batch 150: workplace and government requests', () => {
  it('reads an unnamed box whose text before says what to leave out as ordinary', () => {
    const nearby =
      'as you can, including dates, titles and subjects. Do not include your Social Security number or medical information.';
    expect(category({ kind: 'textarea', label: 'Your request', nearby })).toBeNull();
    expect(category({ label: '', nearby: 'Your Social Security number' })).toBe('national-id');
  });
});

describe('held-out batch 151: clinics not seen before', () => {
  it("reads a cardiac rehabilitation's measures, heart medicines and medical transport as health", () => {
    expect(category({ label: '', nearby: 'Ejection fraction (%)' })).toBe('health');
    expect(category({ kind: 'select', label: 'Beta blocker?' })).toBe('health');
    expect(category({ kind: 'select', label: '¿Necesita transporte sanitario?' })).toBe('health');
    expect(
      category({
        kind: 'select',
        label: 'Qualifying event',
        options: 'Myocardial infarction · CABG · Heart valve repair or replacement',
      }),
    ).toBe('health');
    expect(category({ kind: 'select', label: 'Preferred session time' })).toBeNull();
  });
});

describe('typed notes, 2026-12-05 (third session)', () => {
  const note = { kind: 'textarea', label: 'Notes' } as const;

  it('reads what someone else had, rehab for an addiction and haemodialysis as health', () => {
    expect(category(note, 'He had a seizure at work yesterday, EMS called')).toBe('health');
    expect(category(note, 'Tuvo un infarto el año pasado')).toBe('health');
    expect(category(note, 'Employee returning from rehab for alcohol use, start date 1/12')).toBe(
      'health',
    );
    expect(category(note, 'Está en tratamiento de hemodiálisis tres veces por semana')).toBe(
      'health',
    );
    // A team's event, a building's renovation.
    expect(category(note, 'We had a flu shot clinic in the lobby')).toBeNull();
    expect(category(note, 'The rehab of the east wing starts in March')).toBeNull();
  });
});

describe('held-out batch 154: schools, courts and legal help', () => {
  it('reads an A-Number written with its hyphen or sign, and not "a number" in words', () => {
    expect(category({ label: 'A-Number (if you have one)' })).toBe('national-id');
    expect(category({ label: 'A#' })).toBe('national-id');
    expect(category({ label: 'Enter a number' })).toBeNull();
    expect(category({ label: 'Pick a number from 1 to 10', kind: 'select' })).toBeNull();
    expect(category({ label: '', name: 'aNumber' })).toBeNull();
  });
});

describe('a sweep of everyday labels, 2026-12-05 (third session)', () => {
  it("reads how data or taxes treat something and a machine's diagnosis as ordinary", () => {
    for (const label of ['Treatment of outliers', 'Tax treatment', 'Diagnosis mode']) {
      expect(category({ label }), label).toBeNull();
    }
    expect(category({ label: 'Diagnosis' })).toBe('health');
    expect(category({ label: 'Treatment received' })).toBe('health');
  });
});

describe('held-out batch 155: whole pages as captured, and health apps', () => {
  it('reads a menu asking a question by its choices, whatever word it asks with', () => {
    const options =
      'Just tracking my cycle · Trying to conceive · Avoiding pregnancy · Perimenopause';
    expect(category({ kind: 'select', label: 'What are you tracking for?', options })).toBe(
      'health',
    );
    // A box named by the same word still holds a lookalike number.
    expect(category({ label: 'Tracking number' }, '123-45-6789')).toBeNull();
    expect(
      category({ kind: 'select', label: 'Tracking', options: 'UPS · FedEx · USPS' }),
    ).toBeNull();
  });
});

describe('a question that says "it" (held-out batch 155)', () => {
  const answer = (label: string, section: string) =>
    category({ kind: 'choice', type: 'radio', label, section });

  it('asks about what the heading above names, unless it asks who', () => {
    const under = (q: string) => `${q} · Tell us about your symptoms`;
    expect(answer('Less than a day', under('How long have you had it?'))).toBe('health');
    expect(answer('Yes', under('Does it get worse at night?'))).toBe('health');
    expect(answer('My child', under('Who is this for?'))).toBeNull();
    // Under an ordinary heading, "it" is whatever that heading names.
    expect(answer('Less than a day', 'How long have you had it? · Your car')).toBeNull();
  });
});

describe('held-out batch 156: Central America and the Caribbean', () => {
  it("reads El Salvador's DUI as written, its ISSS and NUP, and not a drunk-driving charge", () => {
    expect(category({ label: 'DUI' })).toBe('national-id');
    expect(category({ label: 'Número de afiliación ISSS' })).toBe('national-id');
    expect(category({ label: 'NUP (AFP)' })).toBe('national-id');
    expect(
      category({ label: 'Any DUI convictions in the last 7 years?', kind: 'select' }),
    ).toBeNull();
    expect(category({ label: 'Dui' })).toBeNull();
  });
});

describe('typed notes in Spanish and English, 2026-12-05 (third session, second round)', () => {
  const note = { kind: 'textarea', label: 'Comentarios' } as const;

  it("reads being, being on, going through and having done as someone's own", () => {
    expect(category(note, 'Ando con depresión desde que murió mi mamá')).toBe('health');
    expect(category(note, 'Me hicieron una cesárea hace dos semanas')).toBe('health');
    expect(category(note, 'El trabajador presenta lumbalgia crónica, reposo 3 días')).toBe(
      'health',
    );
    expect(category(note, "I'm on antidepressants and they make me drowsy")).toBe('health');
    expect(category(note, "Just got my results back, I'm prediabetic")).toBe('health');
    expect(category(note, 'Toma metformina 850 mg dos veces al día')).toBe('health');
    // Ordinary: a report's cases, a medicine on a supplier's order, being on a call.
    expect(category(note, 'Ando buscando la factura de marzo')).toBeNull();
    expect(category(note, "I'm on the diabetes prevention committee call")).toBeNull();
  });
});

describe('held-out batch 157: old markup', () => {
  it("reads another carrier's name as a name, and having dental cover as ordinary", () => {
    const section = 'Group Dental Enrollment';
    expect(category({ label: '', nearby: 'Other Carrier Name:', section })).toBeNull();
    expect(category({ label: 'Other (please specify)', section: 'Medical history' })).toBe(
      'health',
    );
    expect(
      category({ kind: 'choice', type: 'radio', label: 'Yes', nearby: 'Other Dental Coverage?' }),
    ).toBeNull();
  });
});

describe('held-out batch 159: work in Spanish', () => {
  it("reads a pre-employment exam's fasting labs and glasses as health", () => {
    expect(
      category({
        kind: 'select',
        label: '¿Asistirá en ayunas? (necesario para glicemia y perfil lipídico)',
      }),
    ).toBe('health');
    expect(category({ kind: 'select', label: '¿Usa lentes ópticos?' })).toBe('health');
    expect(category({ kind: 'select', label: 'Batería de exámenes' })).toBeNull();
  });
});

describe("held-out batch 160: a health plan's claims and cover", () => {
  it('reads a yes or no about having health cover as ordinary, and an ID box under it as health', () => {
    const nearby =
      'Do you or any family member on this plan have other health insurance, including Medicare?';
    expect(
      category({ kind: 'choice', type: 'radio', label: 'Yes', nearby, section: nearby }),
    ).toBeNull();
    expect(category({ label: 'Other policy or member ID number' })).toBe('health');
    expect(category({ label: 'Health insurance ID' })).toBe('health');
    // A condition among the answers still speaks for itself.
    expect(category({ kind: 'choice', type: 'checkbox', label: 'Diabetes' })).toBe('health');
  });
});

describe('held-out batch 161: studios and spas', () => {
  it("reads a gift certificate's number as ordinary on a health page", () => {
    const page = 'New client intake – Willow Massage Therapy · Medical history';
    expect(onPage({ label: 'Gift certificate number' }, page)).toBeNull();
    expect(onPage({ label: 'Certificate number' }, page)).toBe('health');
    expect(
      category({
        kind: 'select',
        label: 'Do you have a neuromuscular disorder (e.g. myasthenia gravis, ALS)?',
      }),
    ).toBe('health');
  });
});

describe('sweeps of sensitive labels in new words and of everyday Spanish labels (2026-12-05, third session)', () => {
  it("reads the CURP written out, a form of address and a pet's symptoms", () => {
    expect(category({ label: 'Clave Única de Registro de Población' })).toBe('national-id');
    expect(category({ label: 'Tratamiento (Sr., Sra., Dr.)', name: 'tratamiento' })).toBeNull();
    expect(
      category({ kind: 'select', label: 'Tratamiento', options: 'Sr. · Sra. · Srta. · Dr.' }),
    ).toBeNull();
    expect(category({ kind: 'textarea', label: 'Tratamiento actual' })).toBe('health');
    expect(category({ kind: 'textarea', label: 'Síntomas de la mascota' })).toBeNull();
    expect(category({ kind: 'textarea', label: 'Síntomas' })).toBe('health');
  });
});

describe('held-out batch 162: therapies, sports medicine and end of life', () => {
  it("reads a speech therapist's concerns and a hearing test as health", () => {
    expect(
      category({
        kind: 'select',
        label: 'Primary concern',
        options:
          'Articulation / speech sounds · Stuttering · Language delay · Feeding or swallowing · Voice',
      }),
    ).toBe('health');
    expect(category({ kind: 'select', label: "Has the child's hearing been tested?" })).toBe(
      'health',
    );
    expect(category({ kind: 'select', label: 'Has the court hearing been scheduled?' })).toBeNull();
  });
});

describe('a household table\'s "Disabled?" column', () => {
  it("asks whether a person is disabled only as a question, not a switch's state", () => {
    expect(category({ kind: 'select', label: '', nearby: 'Disabled?' })).toBe('health');
    expect(category({ kind: 'select', label: 'Disabled?' })).toBe('health');
    expect(category({ kind: 'choice', type: 'checkbox', label: 'Disabled' })).toBeNull();
    expect(category({ kind: 'select', label: 'Status', name: 'disabled' })).toBeNull();
  });
});

describe('numbers named in a note, 2026-12-05 (third session)', () => {
  const note = { kind: 'textarea', label: 'Notes' } as const;

  it("reads El Salvador's NUP and DUI, an Rx number and a named insurer's member ID after their names", () => {
    expect(category(note, 'NUP 123456789012')).toBe('national-id');
    expect(category(note, 'Mi DUI es 045678912')).toBe('national-id');
    expect(category(note, 'Rx# 4471902 is ready for pickup at the Main St store')).toBe('health');
    expect(category(note, 'Member ID W123456789 for the Aetna claim')).toBe('health');
    // The same shapes named as something else.
    expect(category(note, 'Factura 001-1234567-8 pendiente')).toBeNull();
    expect(category(note, 'Order #4471902 shipped')).toBeNull();
    expect(category(note, 'Gym member ID W123456789 for the spin class')).toBeNull();
    expect(category(note, 'TEST RUN 12345678 passed')).toBeNull();
  });
});

describe('a box asking who helps on the day (held-out batch 168)', () => {
  it("holds a person's name, whatever the day is for", () => {
    const section = 'Your current medications';
    expect(category({ label: 'Who will drive you home after surgery?', section })).toBeNull();
    expect(category({ label: '¿Quién le acompañará a la cirugía?', section })).toBeNull();
    // Not who had a condition, nor a bare mention of surgery under a health heading.
    expect(category({ label: 'Who in your family has had cancer?', kind: 'textarea' })).toBe(
      'health',
    );
    expect(category({ label: 'Type of surgery', section: 'Surgical history' })).toBe('health');
  });
});
