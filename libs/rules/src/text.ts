/** How long a bilingual text may be in each language: a title, and a longer text (a summary, a description). */
export const TEXT_LIMITS = { title: 200, text: 4000 } as const;
