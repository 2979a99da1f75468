/**
 * Prints one plain closing line, "tests: N passed, M failed[, K skipped]", after Jest's own summary, so CI logs
 * (and people skimming them) get the counts in a fixed form.
 */
class SummaryLineReporter {
	onRunComplete(_contexts, results) {
		const skipped = results.numPendingTests + results.numTodoTests;
		const line = `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`;
		process.stdout.write(`\n${line}\n`);
	}
}

module.exports = SummaryLineReporter;
