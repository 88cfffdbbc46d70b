import { describe, expect, it } from 'vitest';
import {
  classifyPage,
  MARKING_HINT,
  MARKINGS,
  type TextBlock,
} from '@/utils/detection/classify-page';

const page = (...blocks: TextBlock[]) => classifyPage({ blocks });

describe('classifyPage', () => {
  it.each([
    { text: 'CONFIDENTIAL', placement: 'header' },
    { text: 'Highly Confidential', placement: 'chip' },
    { text: 'Attorney-Client Privileged', placement: 'body' },
    { text: 'INTERNAL USE ONLY — DO NOT FORWARD', placement: 'body' },
    { text: 'Proprietary and Confidential', placement: 'footer' },
    { text: 'Restricted', placement: 'chip' },
    { text: '[CONFIDENTIAL] Q3 plan', placement: 'title' },
    { text: 'Confidential', placement: 'meta' },
    { text: 'Estrictamente confidencial', placement: 'body' },
    { text: 'Solo para uso interno', placement: 'footer' },
    { text: 'Confidential – HR', placement: 'header' },
    { text: 'Q3 board pre-read (Privileged & Confidential)', placement: 'title' },
    { text: 'Reorg plan (Internal only) - Wiki', placement: 'title' },
    // A line whose one part is the marking; a Microsoft sensitivity label with its sub-label.
    { text: 'Contoso Ltd. — Confidential', placement: 'header' },
    { text: 'Confidential\\All Employees', placement: 'chip' },
    { text: 'Northwind | Internal use only', placement: 'footer' },
    // Government protective markings (US CUI, UK, Canada) and the Traffic Light Protocol.
    { text: 'CUI//SP-PRVCY', placement: 'chip' },
    { text: 'CONTROLLED UNCLASSIFIED INFORMATION', placement: 'footer' },
    { text: 'OFFICIAL-SENSITIVE', placement: 'header' },
    { text: 'PROTECTED B / PROTÉGÉ B', placement: 'chip' },
    { text: 'TLP:AMBER+STRICT', placement: 'header' },
    { text: 'For Official Use Only', placement: 'footer' },
    { text: 'Privileged & Confidential – Legal only', placement: 'chip' },
    { text: 'Uso interno exclusivo · Prohibida su difusión · Página 3 de 22', placement: 'footer' },
    { text: 'Difusión limitada', placement: 'header' },
    { text: 'Información reservada', placement: 'header' },
    // Export-controlled technical data, a US agency's deliberative draft, a community's threat
    // report (held-out batch 153).
    {
      text: 'EXPORT CONTROLLED – This document contains technical data whose export is restricted by the Arms Export Control Act. ITAR 22 CFR 120-130.',
      placement: 'header',
    },
    { text: 'EXPORT CONTROLLED – ITAR', placement: 'footer' },
    { text: 'PRE-DECISIONAL AND DELIBERATIVE – DRAFT', placement: 'header' },
    { text: 'TLP:GREEN', placement: 'chip' },
    // A level and the audience it is limited to.
    { text: 'Restricted – Leadership only', placement: 'chip' },
    { text: 'Interno · solo RR. HH.', placement: 'footer' },
    // German, French and Portuguese markings.
    { text: 'VERTRAULICH – Nur für den internen Gebrauch', placement: 'chip' },
    { text: 'Strictement confidentiel – Diffusion restreinte', placement: 'footer' },
    { text: 'Uso interno · Não compartilhar', placement: 'footer' },
    // Held-out batch 57: markings in other scripts.
    { text: '社外秘', placement: 'body' },
    { text: '【社外秘】2027年度 組織再編案 - 社内Wiki', placement: 'title' },
    { text: '机密', placement: 'chip' },
    { text: '内部资料，请勿外传', placement: 'footer' },
    { text: '대외비', placement: 'body' },
    { text: 'Для служебного пользования', placement: 'body' },
    { text: 'Конфиденциально · стр. 1 из 2', placement: 'footer' },
    { text: 'חסוי – לשימוש פנימי בלבד', placement: 'body' },
    { text: 'ΕΜΠΙΣΤΕΥΤΙΚΟ', placement: 'header' },
    // Italian, Dutch, Polish, Turkish, Indonesian, Vietnamese, Nordic, Czech, Hungarian.
    { text: 'Strettamente riservato – Uso interno', placement: 'footer' },
    { text: 'Riservato', placement: 'chip' },
    { text: 'VERTROUWELIJK', placement: 'header' },
    { text: 'Ściśle poufne · Tajemnica przedsiębiorstwa', placement: 'footer' },
    { text: 'KİŞİYE ÖZEL', placement: 'header' },
    { text: 'Hizmete Özel', placement: 'chip' },
    { text: 'Gizli', placement: 'chip' },
    { text: 'SANGAT RAHASIA', placement: 'header' },
    { text: 'TỐI MẬT', placement: 'header' },
    { text: 'Lưu hành nội bộ', placement: 'footer' },
    { text: 'Konfidentiellt', placement: 'chip' },
    { text: 'Strengt fortrolig', placement: 'footer' },
    { text: 'Luottamuksellinen', placement: 'header' },
    { text: 'Přísně důvěrné', placement: 'footer' },
    { text: 'Szigorúan bizalmas', placement: 'header' },
    // Germany's VS-NfD, France's defence markings, a press release held back until a time.
    { text: 'VS – NUR FÜR DEN DIENSTGEBRAUCH', placement: 'header' },
    { text: 'VS-NfD', placement: 'chip' },
    { text: 'Confidentiel Défense', placement: 'header' },
    { text: 'EMBARGOED UNTIL 9:00 AM ET, JANUARY 15', placement: 'body' },
    { text: 'Under embargo – not for publication', placement: 'header' },
    // A marking word that opens the document's own kind still marks it.
    { text: 'Confidential draft – for discussion only', placement: 'header' },
    // A sealed filing, a trade secret's stamp, a company's own line that a marking ends.
    { text: 'FILED UNDER SEAL', placement: 'body' },
    { text: 'CONTAINS TRADE SECRETS', placement: 'header' },
    { text: 'Acme Corp Proprietary', placement: 'footer' },
    { text: 'Acme Corp Confidential', placement: 'footer' },
    { text: 'Private & Confidential', placement: 'body' },
    // A level and whom it keeps out; a level and its audience in a callout atop a wiki page.
    { text: 'Internal – do not share outside Acme', placement: 'header' },
    { text: 'Restricted – Leadership only', placement: 'body' },
  ] as const)('recognises %o', (block) => {
    expect(page(block).confidential).toBe(true);
  });

  it.each([
    {
      text: 'The court heard that the memo had been marked confidential and was not meant to be forwarded to anyone outside the firm, according to testimony on Tuesday.',
      placement: 'body',
    },
    { text: 'Confidential informant testifies in fraud trial', placement: 'title' },
    { text: 'Restricted', placement: 'body' },
    { text: 'Privacy policy', placement: 'footer' },
    { text: 'How to keep client information confidential', placement: 'title' },
    { text: 'Send us a confidential tip', placement: 'footer' },
    // A job ad: the word qualifies the search, it stamps nothing.
    { text: 'Chief Financial Officer (Confidential Search) – Apply', placement: 'title' },
    // The title of a clause in an agreement about confidentiality.
    { text: '1. Confidential Information', placement: 'body' },
    { text: 'Section 4 – Confidential Information', placement: 'body' },
    { text: 'Cláusula 7. Información confidencial', placement: 'body' },
    // Parts that only mention the word.
    { text: 'Careers — Confidential tips line', placement: 'footer' },
    // Prose about markings, and a protected thing that is not Canada's marking.
    {
      text: 'Agencies must mark CUI with a banner at the top and bottom of each page.',
      placement: 'body',
    },
    { text: 'Your account is protected by two-step verification', placement: 'footer' },
    // One of many chips down a table or menu labels a row or offers a choice.
    { text: 'Highly Confidential', placement: 'list' },
    // A story's excerpt of a marked email.
    { text: 'PRIVILEGED & CONFIDENTIAL – ATTORNEY-CLIENT COMMUNICATION', placement: 'quoted' },
    // An audience without a level.
    { text: 'Members only', placement: 'footer' },
    { text: 'Pricing – Enterprise only', placement: 'chip' },
    { text: 'Private beta – Enterprise only', placement: 'chip' },
    // A headline about confidential papers.
    { text: 'Vertrauliche Unterlagen: Versicherer wusste früh von Fehlern', placement: 'title' },
    // Headlines and prose in other scripts that mention a marking; a recipe's secret.
    { text: '防衛関連の機密文書、民間企業から流出か | 毎朝ニュース', placement: 'title' },
    { text: '機密情報の取り扱いについて社員研修を実施しました', placement: 'body' },
    { text: '奶奶的秘密配方：红烧肉的做法 | 家常菜谱', placement: 'title' },
    { text: '秘密配方', placement: 'body' },
    // A Greek footer's privacy link; a Korean line whose words only meet across a space.
    { text: 'Όροι χρήσης · Απόρρητο', placement: 'footer' },
    { text: '적극 비교', placement: 'body' },
    // An Italian site's members' area and rights notice; a Turkish browser's private window,
    // an Indonesian recipe's secret, both in prose.
    { text: 'Area riservata', placement: 'header' },
    { text: '© 2026 Rossi S.p.A. – Tutti i diritti riservati', placement: 'footer' },
    { text: 'Gizli pencerede açmak için tıklayın', placement: 'body' },
    { text: 'Rahasia resep rendang yang empuk', placement: 'title' },
    // A name that a marking word opens: a product, a service, a heading.
    { text: 'Confidential Computing', placement: 'body' },
    { text: 'Confidential Computing', placement: 'header' },
    { text: 'Confidential hotline', placement: 'footer' },
    { text: 'Embargoed goods and destinations', placement: 'body' },
    { text: 'Proprietary algorithms', placement: 'body' },
    { text: 'Make a confidential report', placement: 'body' },
    { text: 'What counts as a trade secret?', placement: 'body' },
    { text: 'What "export controlled" really means for your startup', placement: 'body' },
    { text: 'ITAR compliance training', placement: 'body' },
    // A repository's or a channel's visibility; a bank's warning.
    { text: 'Private', placement: 'chip' },
    { text: 'Privado', placement: 'chip' },
    { text: 'Do not share your OTP with anyone', placement: 'footer' },
  ] as const)('does not take prose for a marking: %o', (block) => {
    expect(page(block).confidential).toBe(false);
  });

  it('reads a marking that a line says in sentences or after a name (held-out batch 94)', () => {
    expect(
      page({
        text: 'Attorney-client privileged. Do not forward outside this channel.',
        placement: 'header',
      }).confidential,
    ).toBe(true);
    expect(
      page({ text: 'Confidential Draft Submission – Not for Public Release', placement: 'chip' })
        .confidential,
    ).toBe(true);
    expect(
      page({ text: 'Confidential Treatment Requested by Acme Robotics, Inc.', placement: 'footer' })
        .confidential,
    ).toBe(true);
    // A name a marking word opens is still a name, in a sentence too.
    expect(
      page({ text: 'Confidential hotline. Call us any time.', placement: 'header' }).confidential,
    ).toBe(false);
  });

  it('says where the marking is', () => {
    expect(page({ text: 'CONFIDENTIAL', placement: 'header' }).reasons[0]).toBe(
      'the page\'s header is marked "CONFIDENTIAL"',
    );
  });
});

describe('the prefilter of markings', () => {
  // The DOM layer samples a page only when its text passes MARKING_HINT: a marking the hint
  // does not know is never read, whatever MARKINGS says.
  it.each(MARKINGS.map(([phrase]) => phrase))('lets "%s" through', (phrase) => {
    expect(MARKING_HINT.test(phrase)).toBe(true);
  });

  // It reads the page's text as written, before accents are folded.
  it.each(['KİŞİYE ÖZEL', 'ÇOK GİZLİ', 'TỐI MẬT', 'Tuyệt mật', 'Ściśle poufne', 'PŘÍSNĚ DŮVĚRNÉ'])(
    'lets "%s" through as written',
    (text) => {
      expect(MARKING_HINT.test(text)).toBe(true);
    },
  );
});
