import * as aksi from './aksi.ts';
import * as common from './common.ts';
import * as legend from './legend.ts';
import * as modes from './modes.ts';
import * as navigation from './navigation.ts';
import * as panel from './panel.ts';
import * as publish from './publish.ts';
import * as supervision from './supervision.ts';

/**
 * Every message in every language. Each area keeps its messages in its own file (an `id` object and
 * an `en` object typed with the same keys, so a missing translation does not compile); add a file's
 * two objects here.
 */
const ID = { ...aksi.id, ...common.id, ...legend.id, ...panel.id, ...navigation.id, ...modes.id, ...publish.id, ...supervision.id };
export type MessageKey = keyof typeof ID;

const EN: Record<MessageKey, string> = { ...aksi.en, ...common.en, ...legend.en, ...panel.en, ...navigation.en, ...modes.en, ...publish.en, ...supervision.en };

export const MESSAGES: Record<'id' | 'en', Record<MessageKey, string>> = { id: ID, en: EN };
