import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../lib/api';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Retrying a 4xx only repeats the same refusal; retry once for network trouble and 5xx.
      retry: (failureCount, error) =>
        failureCount < 1 && !(isApiError(error) && error.status < 500 && error.status > 0),
      refetchOnWindowFocus: false,
    },
  },
});
