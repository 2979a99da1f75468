/**
 * Imported first by the bench entry points. n8n-core creates an instance encryption key in the (temporary) user folder
 * the harness sets up, and logs "No encryption key found" to stdout when it does; a fixed throwaway key for that
 * temporary folder keeps the markdown on stdout clean. Nothing is encrypted with it.
 */
process.env.N8N_ENCRYPTION_KEY ??= 'n8n-bench-throwaway-key';
