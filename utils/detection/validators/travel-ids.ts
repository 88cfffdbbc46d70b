/** US passport book or card number: nine digits, or a letter and eight digits (Next Generation). */
export function isUsPassportShape(value: string): boolean {
  const text = value.trim();
  return /^(?:\d{9}|[A-Z]\d{8})$/i.test(text) && !/^(\d)\1{8}$/.test(text);
}
