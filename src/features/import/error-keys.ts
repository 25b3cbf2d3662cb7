// The import's own messages, `import.errors.<key>`: a row error names one of these bare keys, or
// the full key a shared write schema gives (`validation.*`, `entry.validation.*`). The list is
// the one place the keys are named, so the catalogue test knows each has its text in ru, kk, en.

export const IMPORT_ERROR_KEYS = [
  'required', 'missingColumn', 'noRows', 'tooManyRows', 'unreadable', 'tooLarge', 'unpackedTooLarge', 'tooManyColumns', 'busy',
  'unknownRegion', 'unknownUnit', 'unknownCategory', 'unknownCode', 'badDate', 'badAmount', 'badCount',
  'invalid', 'unitRequired', 'duplicateRow', 'meetingMismatch', 'outOfScope', 'unitOutsideRegion',
  'unitLevelMismatch', 'noAkim', 'meetingDeleted', 'notAllowed', 'statusBeforeHistory', 'amountLowered',
  'changedSinceCheck', 'cannotCommit', 'unknownBody', 'unknownOfficial', 'ambiguousOfficial', 'badFlag', 'centralOnly', 'akimOnly',
  'otherMeeting', 'bodyOutOfScope',
] as const;

export type ImportErrorKey = (typeof IMPORT_ERROR_KEYS)[number];
/** A schema's message: a full catalogue key such as `entry.validation.heldOnFuture`. */
export type SchemaMessageKey = `${string}.${string}`;
export type RowErrorKey = ImportErrorKey | SchemaMessageKey;

/** A zod issue's or a rule's message, which the shared schemas always give as a full key. */
export const schemaMessage = (message: string) => message as SchemaMessageKey;
