/** The answer of a command that has nothing else to say. */
export interface OkView {
  ok: true;
}
