import { config } from 'zod';

/**
 * Imported first by the page's entry (src/components/page/mount-observatory.tsx): no library
 * compiles code from strings, which the Content-Security-Policy refuses ('unsafe-eval' is not
 * allowed). Zod 4 compiles its object parsers with `new Function` unless jitless, and even its
 * probe for whether it may (`Function('')` in a try) is reported as a policy violation. (The
 * importer's worker parses nothing with Zod; a worker that does must import this first too.)
 */
config({ jitless: true });
