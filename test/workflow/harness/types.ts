import type {
	ExecutionError,
	ICredentialDataDecryptedObject,
	IConnections,
	IDataObject,
	INodeExecutionData,
	IRun,
	IRunData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

/** One node of a test workflow: the subset of n8n's INode that tests care about. */
export interface HarnessNode {
	name: string;
	/** Full type name as a user's workflow would carry it, e.g. 'n8n-nodes-szamlazz-ekaer.szamlaAgent'. */
	type: string;
	parameters: Record<string, unknown>;
	/**
	 * Credential references by credential type. When omitted, the harness fills in a reference for every
	 * credential type the node declares *and* `RunOptions.credentials` has data for.
	 */
	credentials?: Record<string, { id: string; name: string }>;
	/** Node setting "On Error"; 'continueRegularOutput' makes `this.continueOnFail()` true. */
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	/** Defaults to the newest version the node type declares. */
	typeVersion?: number;
	position?: [number, number];
	// Further node settings, passed through to the engine unchanged.
	disabled?: boolean;
	alwaysOutputData?: boolean;
	executeOnce?: boolean;
	retryOnFail?: boolean;
	maxTries?: number;
	waitBetweenTries?: number;
}

export interface RunOptions {
	/** A chain or any graph. */
	nodes: HarnessNode[];
	/** Default: nodes chained in the given order (main output 0 → main input 0). */
	connections?: IConnections;
	/** Items fed into the first node (no trigger node needed). Plain objects are wrapped as `{ json }`. */
	input?: IDataObject[] | INodeExecutionData[];
	/** Decrypted credential data by credential type name (plain IDataObject accepted too, for convenience). */
	credentials?: Record<string, ICredentialDataDecryptedObject | IDataObject>;
	/** Workflow static data going in, as persisted by n8n between executions. Never mutated by the harness. */
	staticData?: IDataObject;
	/** Default 'trigger' (a production execution); use 'manual' for editor runs. */
	mode?: WorkflowExecuteMode;
	/** Default 'harness-workflow'. */
	workflowId?: string;
	/**
	 * Where `prepareBinaryData` puts bytes. Default 'filesystem' (n8n 2.x's default: `binary.data` is only a
	 * marker, bytes live in a file). 'default' is n8n 1.x's in-memory mode (`binary.data` is base64).
	 * Nodes must work with both, so it is worth running binary tests in both.
	 */
	binaryDataMode?: 'filesystem' | 'default';
}

export interface RunResult {
	/** Main output 0 of the node's last run. Throws if the node did not run. */
	output(nodeName: string, outputIndex?: number): INodeExecutionData[];
	/** Bytes of an output binary (main output 0 of the node's last run), whatever the storage mode. */
	binary(nodeName: string, itemIndex: number, property?: string): Promise<Buffer>;
	/** Workflow-level error, with `context.itemIndex` where the node set it. */
	error?: ExecutionError;
	/** Static data after the run, a plain copy; pass it to the next run to simulate persistence. */
	staticData: IDataObject;
	/**
	 * True when the engine reported changed static data (the `newStaticData` of workflowExecuteAfter). n8n only
	 * persists static data in that case, and only for non-manual runs.
	 */
	staticDataChanged: boolean;
	runData: IRunData;
	/** Node names in the order their runs finished. */
	executionOrder: string[];
	/** The full run, for anything else. */
	run: IRun;
}
