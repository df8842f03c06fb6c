/**
 * Builds one record's element tree from saxes events, as plain values the flattening rule
 * understands: an element with only text is its text; otherwise an object of `@attribute`s, child
 * elements (a repeated child name becomes an array) and its own text under `#text`.
 */
import { TEXT_KEY } from './flatten.ts';

interface Frame {
  readonly attributes: Record<string, string>;
  readonly children: Map<string, unknown[]>;
  text: string;
}

export class XmlRecordBuilder {
  private readonly frames: Frame[] = [];

  get building(): boolean {
    return this.frames.length > 0;
  }

  open(attributes: Record<string, string>): void {
    this.frames.push({ attributes, children: new Map(), text: '' });
  }

  text(text: string): void {
    const top = this.frames.at(-1);
    if (top) top.text += text;
  }

  /** Closes the current element; returns the finished record when it was the record element. */
  close(name: string): { value: unknown } | null {
    const frame = this.frames.pop()!;
    const value = toValue(frame);
    const parent = this.frames.at(-1);
    if (!parent) return { value };
    const siblings = parent.children.get(name);
    if (siblings) siblings.push(value);
    else parent.children.set(name, [value]);
    return null;
  }
}

function toValue(frame: Frame): unknown {
  const text = frame.text.trim();
  const attributeNames = Object.keys(frame.attributes);
  if (attributeNames.length === 0 && frame.children.size === 0) return text;
  const value: Record<string, unknown> = {};
  for (const name of attributeNames) value[`@${name}`] = frame.attributes[name];
  for (const [name, items] of frame.children) value[name] = items.length === 1 ? items[0] : items;
  if (text) value[TEXT_KEY] = text;
  return value;
}
