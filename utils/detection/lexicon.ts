import type { Category } from './categories';
import { PhraseMatcher } from './phrase-matcher';

/**
 * What a phrase in a label, a field name or nearby text tells us. Each signal
 * points at a category (or at none, for negative and benign words) with a
 * weight: how sure a label made only of that phrase would make us.
 *
 * Phrases are whole words after normalisation (see text.ts), in English and
 * Spanish; a few other languages' national-ID names are included because they
 * are the same words on forms everywhere.
 */
export type Signal =
  | 'ssn'
  | 'itin'
  | 'ein'
  | 'tax-id'
  | 'national-id'
  | 'passport'
  | 'driver-license'
  | 'immigration-id'
  | 'card-number'
  | 'card-security-code'
  | 'card-expiry'
  | 'routing-number'
  | 'bank-account'
  | 'iban'
  | 'health-record'
  | 'health-condition'
  | 'medication'
  | 'insurance-id'
  | 'provider-id'
  | 'medicare-id'
  | 'medical-code'
  | 'password'
  | 'one-time-code'
  | 'api-secret'
  | 'security-answer'
  | 'pin'
  | 'free-text'
  | 'generic-number'
  | 'negative'
  | 'benign';

export interface SignalInfo {
  readonly category: Category | null;
  readonly weight: number;
  /** Words the user sees in a reason: "label mentions a Social Security number". */
  readonly noun: string;
}

export const SIGNALS: Readonly<Record<Signal, SignalInfo>> = {
  ssn: { category: 'national-id', weight: 0.95, noun: 'a Social Security number' },
  itin: { category: 'national-id', weight: 0.9, noun: 'a taxpayer identification number' },
  ein: { category: 'national-id', weight: 0.8, noun: 'an employer identification number' },
  'tax-id': { category: 'national-id', weight: 0.85, noun: 'a tax ID' },
  'national-id': { category: 'national-id', weight: 0.9, noun: 'a national ID number' },
  passport: { category: 'national-id', weight: 0.85, noun: 'a passport number' },
  'driver-license': { category: 'national-id', weight: 0.85, noun: "a driver's licence number" },
  'immigration-id': { category: 'national-id', weight: 0.85, noun: 'an immigration document number' },
  'card-number': { category: 'financial', weight: 0.9, noun: 'a payment card number' },
  'card-security-code': { category: 'financial', weight: 0.9, noun: 'a card security code' },
  'card-expiry': { category: 'financial', weight: 0.6, noun: 'a card expiry date' },
  'routing-number': { category: 'financial', weight: 0.9, noun: 'a bank routing number' },
  'bank-account': { category: 'financial', weight: 0.85, noun: 'a bank account number' },
  iban: { category: 'financial', weight: 0.9, noun: 'an IBAN' },
  'health-record': { category: 'health', weight: 0.9, noun: 'a medical record' },
  'health-condition': { category: 'health', weight: 0.85, noun: 'a health condition' },
  medication: { category: 'health', weight: 0.85, noun: 'medications' },
  'insurance-id': { category: 'health', weight: 0.75, noun: 'a health insurance ID' },
  'provider-id': { category: 'health', weight: 0.8, noun: 'a medical provider ID' },
  'medicare-id': { category: 'health', weight: 0.9, noun: 'a Medicare or Medicaid number' },
  'medical-code': { category: 'health', weight: 0.85, noun: 'a diagnosis or procedure code' },
  password: { category: 'credential', weight: 0.95, noun: 'a password' },
  'one-time-code': { category: 'credential', weight: 0.9, noun: 'a one-time code' },
  'api-secret': { category: 'credential', weight: 0.9, noun: 'an API key or secret' },
  'security-answer': { category: 'credential', weight: 0.8, noun: 'a security answer' },
  pin: { category: 'credential', weight: 0.8, noun: 'a PIN' },
  'free-text': { category: null, weight: 0, noun: 'free text' },
  'generic-number': { category: null, weight: 0, noun: 'a number' },
  negative: { category: null, weight: 0, noun: 'an ordinary number' },
  benign: { category: null, weight: 0, noun: 'ordinary information' },
};

/** Phrases per signal. Plurals need no entry of their own (see stemWord). */
const PHRASES: Readonly<Record<Signal, readonly string[]>> = {
  ssn: [
    'ssn', 'ss #', 'ssn #', 'ssa number', 'social security', 'social security number',
    'social security no', 'social sec', 'soc sec', 'soc sec no', 'socsec', 'ssnum', 'ssnumber',
    'socialsecurity', 'socialsecuritynumber',
    'seguro social', 'numero de seguro social', 'no de seguro social', 'num seguro social', 'nss',
  ],
  itin: [
    'itin', 'individual taxpayer identification number', 'individual taxpayer id',
    'numero de identificacion personal del contribuyente',
  ],
  ein: ['ein', 'employer identification number', 'employer id number', 'fein', 'federal employer id'],
  'tax-id': [
    'tax id', 'tax identification number', 'taxpayer id', 'taxpayer identification number',
    'taxid', 'tin', 'tax number', 'numero de identificacion fiscal', 'identificacion fiscal', 'nif',
    'rfc', 'cuit', 'cuil',
  ],
  'national-id': [
    'national id', 'national identification number', 'national identity number',
    'national insurance number', 'nino', 'social insurance number', 'sin number',
    'personal identity number', 'identity card number', 'id card number', 'government id',
    'government issued id number', 'documento nacional de identidad', 'dni', 'nie', 'cedula',
    'cedula de identidad', 'curp', 'rut', 'cpf', 'aadhaar', 'personnummer', 'bsn',
    'codice fiscale', 'steuer id', 'numero de identificacion', 'numero de documento de identidad',
    'documento de identidad', 'identificacion oficial', 'state id number',
  ],
  passport: ['passport', 'passport number', 'passport no', 'pasaporte', 'numero de pasaporte', 'passeport'],
  'driver-license': [
    'driver license', 'drivers license', 'driver s license', 'driving licence', 'driving license',
    'driver licence', 'drivers licence', 'dl number', 'dl #', 'licencia de conducir',
    'licencia de manejo', 'permiso de conducir', 'numero de licencia',
  ],
  'immigration-id': [
    'alien registration number', 'alien number', 'uscis number', 'uscis #',
    'i 94 number', 'i 94 admission number', 'foreign passport number', 'green card number',
    'permanent resident card number', 'visa number', 'work permit number', 'numero de extranjero',
    'document number', 'numero de documento',
  ],
  'card-number': [
    'card number', 'credit card', 'credit card number', 'debit card', 'debit card number',
    'cc number', 'ccnum', 'cc num', 'ccnumber', 'cardnumber', 'card no', 'card #', 'pan',
    'primary account number', 'numero de tarjeta', 'tarjeta de credito', 'tarjeta de debito',
    'numero de la tarjeta',
  ],
  'card-security-code': [
    'cvv', 'cvv2', 'cvc', 'cvc2', 'csc', 'cvn', 'cid', 'security code', 'card security code',
    'card verification', 'card verification value', 'card verification code', 'card code',
    'codigo de seguridad', 'codigo de verificacion de la tarjeta',
  ],
  'card-expiry': [
    'expiration date', 'expiry date', 'card expiry', 'card expiration', 'exp date', 'expiry',
    'fecha de vencimiento', 'fecha de caducidad', 'vencimiento', 'cc exp', 'ccexp',
  ],
  'routing-number': [
    'routing number', 'routing #', 'routing no', 'routing transit number', 'aba', 'aba number',
    'aba routing', 'rtn', 'bank routing', 'routing', 'numero de ruta', 'numero de ruta bancaria',
    'transit number', 'sort code',
  ],
  'bank-account': [
    'account number', 'bank account', 'bank account number', 'acct number', 'acct #', 'acct no',
    'checking account', 'savings account', 'checking account number', 'savings account number',
    'numero de cuenta', 'cuenta bancaria', 'numero de cuenta bancaria', 'cuenta de cheques',
    'cuenta de ahorro', 'clabe', 'acctnum', 'accountnumber', 'bankaccount',
  ],
  iban: ['iban', 'international bank account number'],
  'health-record': [
    'diagnosis', 'diagnose', 'diagnosed', 'diagnosed with', 'prescribed', 'medical record', 'medical record number', 'mrn', 'patient id',
    'medical history', 'health history', 'medical condition', 'health condition',
    'medical information', 'symptom', 'reason for visit', 'reason for your visit',
    'chief complaint', 'treatment', 'lab result', 'test result', 'clinical note',
    'medical note', 'doctor note', 'physician note', 'surgeries', 'surgery', 'medical procedure',
    'immunization', 'vaccination', 'blood type', 'pregnant', 'pregnancy', 'mental health',
    'disability', 'disabilities', 'hospitalization', 'health information', 'medical',
    'diagnostico', 'historial medico', 'historia clinica', 'condicion medica', 'enfermedad',
    'sintoma', 'motivo de la consulta', 'motivo de consulta', 'tratamiento', 'cirugia',
    'discapacidad', 'embarazo', 'tipo de sangre', 'expediente medico', 'informacion medica',
    'antecedentes medicos', 'padecimiento', 'salud mental', 'vacuna',
  ],
  'health-condition': [
    'allergies', 'allergy', 'allergie', 'alergia', 'pre existing condition', 'chronic condition', 'illness',
    'diabetes', 'asthma', 'hypertension', 'high blood pressure', 'cancer', 'hiv', 'aids',
    'hepatitis', 'depression', 'anxiety', 'heart disease', 'stroke', 'epilepsy', 'seizure',
    'arthritis', 'copd', 'kidney disease', 'substance use', 'alcohol use', 'tobacco use',
    'asma', 'hipertension', 'depresion', 'ansiedad', 'cardiopatia',
  ],
  medication: [
    'medication', 'medications', 'current medications', 'prescription', 'prescriptions', 'rx',
    'dosage', 'dose', 'pharmacy prescription', 'drug name', 'medicamento', 'medicacion',
    'receta', 'receta medica', 'dosis',
  ],
  'insurance-id': [
    'member id', 'member number', 'subscriber id', 'subscriber number', 'insurance id',
    'health plan id', 'group number', 'group #', 'group no', 'policy number', 'rx bin', 'rx pcn',
    'rx group', 'rxbin', 'rxpcn', 'memberid', 'subscriberid', 'numero de afiliado',
    'numero de poliza', 'id de miembro', 'numero de miembro', 'numero de suscriptor',
  ],
  'provider-id': [
    'npi', 'national provider identifier', 'npi number', 'provider id', 'dea', 'dea number',
    'dea registration', 'prescriber id',
  ],
  'medicare-id': [
    'medicare', 'medicare number', 'medicare id', 'mbi', 'medicare beneficiary identifier',
    'medicaid', 'medicaid number', 'medicaid id', 'hicn',
  ],
  'medical-code': [
    'icd', 'icd 10', 'icd10', 'icd 10 cm', 'diagnosis code', 'cpt', 'cpt code', 'procedure code',
    'hcpcs', 'codigo de diagnostico', 'codigo cie', 'cie 10',
  ],
  password: [
    'password', 'passwd', 'pwd', 'passphrase', 'pass phrase', 'current password', 'new password',
    'confirm password', 'passcode', 'contrasena', 'clave', 'clave de acceso', 'contrasena actual',
    'nueva contrasena', 'confirmar contrasena',
  ],
  'one-time-code': [
    'one time code', 'one time password', 'otp', 'totp', '2fa', '2fa code', 'mfa', 'mfa code',
    'verification code', 'authentication code', 'authenticator code', 'security key code',
    'sms code', 'recovery code', 'backup code', 'two factor', 'codigo de verificacion',
    'codigo de un solo uso', 'codigo de autenticacion',
  ],
  'api-secret': [
    'api key', 'apikey', 'api token', 'api secret', 'access token', 'access key',
    'secret access key', 'secret key', 'client secret', 'webhook secret', 'signing secret',
    'auth token', 'bearer token', 'private key', 'personal access token', 'refresh token',
    'secret', 'token', 'credentials', 'credential', 'connection string', 'clave api',
    'clave secreta', 'token de api', 'token de acceso', 'secreto',
  ],
  'security-answer': [
    'security answer', 'security question answer', 'answer to security question',
    'mother s maiden name', 'maiden name', 'respuesta de seguridad', 'respuesta secreta',
  ],
  pin: ['pin', 'pin number', 'card pin', 'atm pin', 'numero pin', 'nip'],
  'free-text': [
    'comment', 'comments', 'note', 'notes', 'reply', 'message', 'your message', 'description',
    'details', 'summary', 'feedback', 'remarks', 'additional information', 'edit', 'body',
    'please explain', 'please describe', 'explain', 'describe', 'other', 'please specify',
    'list', 'write', 'add a comment', 'leave a comment', 'suggest edit', 'annotation',
    'comentario', 'comentarios', 'nota', 'notas', 'respuesta', 'mensaje', 'descripcion',
    'detalles', 'observaciones', 'otro', 'otros', 'explique', 'describa', 'especifique',
  ],
  'generic-number': [
    'number', 'no', '#', 'id', 'id number', 'identifier', 'code', 'numero', 'num', 'area', 'group',
    'serial', 'digits', 'last 4', 'last four', 'last 4 digits', 'codigo',
  ],
  negative: [
    'order number', 'order #', 'order id', 'tracking', 'tracking number', 'tracking #', 'zip',
    'zip code', 'zipcode', 'postal code', 'postcode', 'phone', 'phone number', 'telephone',
    'mobile', 'mobile number', 'cell', 'fax', 'quantity', 'qty', 'invoice', 'invoice number',
    'confirmation number', 'confirmation code', 'reference number', 'ref number', 'case number',
    'ticket number', 'customer number', 'sku', 'model number', 'serial number', 'part number',
    'item number', 'product code', 'promo code', 'promotion code', 'coupon', 'coupon code',
    'discount code', 'gift card', 'gift card number', 'voucher', 'employee id', 'employee number',
    'student id', 'badge number', 'extension', 'ext', 'flight number', 'booking reference',
    'reservation number', 'vin', 'license plate', 'captcha', 'search', 'amount', 'price',
    'numero de pedido', 'numero de seguimiento', 'codigo postal', 'telefono', 'celular', 'cantidad',
    'numero de factura', 'numero de referencia', 'numero de confirmacion', 'cupon',
    'codigo promocional', 'pin code', 'access code', 'room number', 'unit number', 'suite',
    'apartment', 'year', 'age', 'weight', 'height', 'terms and conditions', 'palabra clave',
    'keyword', 'condition of item', 'item condition',
  ],
  benign: [
    'name', 'first name', 'last name', 'full name', 'middle name', 'middle initial', 'email',
    'e mail', 'email address', 'address', 'street', 'street address', 'address line', 'city',
    'state', 'country', 'date', 'date of birth', 'birth date', 'birthday', 'dob', 'username',
    'user name', 'login', 'company', 'employer', 'employer name', 'job title', 'title',
    'website', 'url', 'gender', 'sex', 'relationship', 'bank name', 'name on card',
    'cardholder name', 'nombre', 'apellido', 'apellidos', 'correo', 'correo electronico',
    'direccion', 'ciudad', 'estado', 'pais', 'fecha', 'fecha de nacimiento', 'usuario', 'empresa',
    'nombre del banco', 'signature', 'firma', 'preferred language', 'language', 'occupation',
    'emergency contact', 'contact name', 'start date', 'end date', 'filing status', 'dependents',
    'pharmacy name', 'pharmacy', 'physician name', 'doctor name', 'provider name',
    'insurance company', 'insurance carrier', 'plan name', 'aseguradora',
  ],
};

export const LEXICON = new PhraseMatcher<Signal>(
  (Object.entries(PHRASES) as Array<[Signal, readonly string[]]>).flatMap(([signal, phrases]) =>
    phrases.map((phrase) => [phrase, signal] as const),
  ),
);

/**
 * Section headings and legends that make a whole block of fields sensitive:
 * a free-text "Notes" under "Medical history" is health data; an "Area" box
 * under "Social Security number" is part of one.
 */
export const SECTION_SIGNALS: ReadonlySet<Signal> = new Set<Signal>([
  'ssn', 'itin', 'tax-id', 'national-id', 'passport', 'driver-license', 'immigration-id',
  'card-number', 'bank-account', 'routing-number', 'health-record', 'health-condition',
  'medication', 'insurance-id', 'medicare-id', 'password', 'api-secret',
]);
