/** The body of every error answer from the API. */
export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    /** Present on 400: each bad field by its dotted path. */
    fields?: { path: string; message: string }[];
    details?: Record<string, unknown>;
  };
}
