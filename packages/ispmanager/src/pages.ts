import type { IspManagerCallOptions } from './codec.js';

/** A list method of the client (`client.user.list`), or anything shaped like one. */
export type ListMethod<I, E> = (
  input: I & { p_num?: number | undefined },
  options?: IspManagerCallOptions,
) => Promise<{
  elements: E[];
  paging?: { p_num: number; p_cnt: number; p_elems: number } | null | undefined;
}>;

/**
 * Yields the pages of a list: `p_num` 1, 2, ... until `p_num * p_cnt` reaches the panel's `p_elems`, an empty
 * page arrives, or the panel sends no paging (it answered the whole list at once).
 */
export async function* listPages<I extends object, E>(
  method: ListMethod<I, E>,
  input?: I,
  options?: IspManagerCallOptions,
) {
  const base = (input ?? {}) as I & { p_num?: number };
  for (let page = base.p_num ?? 1; ; page++) {
    const result = await method({ ...base, p_num: page }, options);
    yield result;
    const paging = result.paging;
    if (!paging || result.elements.length === 0) return;
    if (paging.p_cnt <= 0 || page * paging.p_cnt >= paging.p_elems) return;
  }
}

/** Yields every element of a list across its pages. */
export async function* listItems<I extends object, E>(
  method: ListMethod<I, E>,
  input?: I,
  options?: IspManagerCallOptions,
): AsyncGenerator<E> {
  for await (const page of listPages(method, input, options)) yield* page.elements;
}
