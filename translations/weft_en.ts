<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AdapterProperties</name>
    <message>
        <source>Adapter</source>
        <translation>Adapter</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Id field</source>
        <translation>Id field</translation>
    </message>
    <message>
        <source>Number field</source>
        <translation>Number field</translation>
    </message>
    <message>
        <source>Name field</source>
        <translation>Name field</translation>
    </message>
    <message>
        <source>Skip unchanged records (idCheck)</source>
        <translation>Skip unchanged records (idCheck)</translation>
    </message>
    <message>
        <source>Explode arrays (beatFlat)</source>
        <translation>Explode arrays (beatFlat)</translation>
    </message>
    <message>
        <source>Metadata (JSON)</source>
        <translation>Metadata (JSON)</translation>
    </message>
    <message>
        <source>The whole metadata block, as the seed documents write it. Edit and apply; invalid JSON is refused.</source>
        <translation>The whole metadata block, as the seed documents write it. Edit and apply; invalid JSON is refused.</translation>
    </message>
    <message>
        <source>Apply metadata</source>
        <translation>Apply metadata</translation>
    </message>
</context>
<context>
    <name>AlertChannelDialog</name>
    <message>
        <source>Alert channel</source>
        <translation>Alert channel</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>Send to</translation>
    </message>
    <message>
        <source>Address from</source>
        <translation>Address from</translation>
    </message>
    <message>
        <source>An environment variable holding the whole URL</source>
        <translation>An environment variable holding the whole URL</translation>
    </message>
    <message>
        <source>A URL, with ${VARIABLE} for its secret parts</source>
        <translation>A URL, with ${VARIABLE} for its secret parts</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>Signing secret variable</source>
        <translation>Signing secret variable</translation>
    </message>
</context>
<context>
    <name>AlertsDialog</name>
    <message>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <source>Alert rules tell a group chat when unattended runs (weft-run serve) go wrong. Robots&apos; addresses and secrets are references to environment variables: their values never enter the project file. Every change here can be undone.</source>
        <translation>Alert rules tell a group chat when unattended runs (weft-run serve) go wrong. Robots&apos; addresses and secrets are references to environment variables: their values never enter the project file. Every change here can be undone.</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Rules</translation>
    </message>
    <message>
        <source>Add a rule</source>
        <translation>Add a rule</translation>
    </message>
    <message>
        <source>Remove the selected rule</source>
        <translation>Remove the selected rule</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Fires when</source>
        <translation>Fires when</translation>
    </message>
    <message>
        <source>More failed records than</source>
        <translation>More failed records than</translation>
    </message>
    <message>
        <source>No success for</source>
        <translation>No success for</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Schemes</source>
        <translation>Schemes</translation>
    </message>
    <message>
        <source>None checked: every scheme.</source>
        <translation>None checked: every scheme.</translation>
    </message>
    <message>
        <source>Quiet period</source>
        <translation>Quiet period</translation>
    </message>
    <message>
        <source>The same rule does not fire again for the same scheme within this period.</source>
        <translation>The same rule does not fire again for the same scheme within this period.</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Channels</translation>
    </message>
    <message>
        <source>Add a channel</source>
        <translation>Add a channel</translation>
    </message>
    <message>
        <source>Edit the selected channel</source>
        <translation>Edit the selected channel</translation>
    </message>
    <message>
        <source>Remove the selected channel</source>
        <translation>Remove the selected channel</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Send test alert</source>
        <translation>Send test alert</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
</context>
<context>
    <name>ApiUsagePanel</name>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Last hour</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Last 24 hours</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>unique, e.g. jushuitan</source>
        <translation>unique, e.g. jushuitan</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Base URL</translation>
    </message>
    <message>
        <source>Calls per second</source>
        <translation>Calls per second</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>no limit</translation>
    </message>
    <message>
        <source>Calls per minute</source>
        <translation>Calls per minute</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Timeout</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Verify TLS certificates</source>
        <translation>Verify TLS certificates</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Secret fields are stored in the system keychain or read from an environment variable: never in the project file.</source>
        <translation>Secret fields are stored in the system keychain or read from an environment variable: never in the project file.</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
</context>
<context>
    <name>FailedRecordsPanel</name>
    <message>
        <source>Scheme</source>
        <translation>Scheme</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>All stages</translation>
    </message>
    <message>
        <source>Fetch</source>
        <translation>Fetch</translation>
    </message>
    <message>
        <source>Transform</source>
        <translation>Transform</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Write</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Open (failed, waiting)</source>
        <translation>Open (failed, waiting)</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Waiting for retry</source>
        <translation>Waiting for retry</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>Ignored</translation>
    </message>
    <message>
        <source>Run id</source>
        <translation>Run id</translation>
    </message>
    <message>
        <source>Search error, record id or number</source>
        <translation>Search error, record id or number</translation>
    </message>
    <message>
        <source>Retry selected</source>
        <translation>Retry selected</translation>
    </message>
    <message>
        <source>Retry all</source>
        <translation>Retry all</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ignore</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Source payload (editable)</source>
        <translation>Source payload (editable)</translation>
    </message>
    <message>
        <source>Save payload and retry</source>
        <translation>Save payload and retry</translation>
    </message>
    <message>
        <source>Target payload</source>
        <translation>Target payload</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Filter by scheme or outcome</source>
        <translation>Filter by scheme or outcome</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Double-click a run to open its log and failed records.</source>
        <translation>Double-click a run to open its log and failed records.</translation>
    </message>
</context>
<context>
    <name>LogPanel</name>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Filter (text or run id)</source>
        <translation>Filter (text or run id)</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Follow</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <source>Scheme</source>
        <translation>Scheme</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>Fetch preview</source>
        <translation>Fetch preview</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ProjectProperties</name>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <source>Edit alerts…</source>
        <translation>Edit alerts…</translation>
    </message>
</context>
<context>
    <name>RunPanel</name>
    <message>
        <source>Run project</source>
        <translation>Run project</translation>
    </message>
    <message>
        <source>Run scheme</source>
        <translation>Run scheme</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Dry run (write nothing)</source>
        <translation>Dry run (write nothing)</translation>
    </message>
    <message>
        <source>Full (ignore last sync)</source>
        <translation>Full (ignore last sync)</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>no limit</translation>
    </message>
</context>
<context>
    <name>ScheduleEditor</name>
    <message>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Runs</translation>
    </message>
    <message>
        <source>Manually</source>
        <translation>Manually</translation>
    </message>
    <message>
        <source>Every N minutes</source>
        <translation>Every N minutes</translation>
    </message>
    <message>
        <source>Cron expression</source>
        <translation>Cron expression</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Every</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Cron</source>
        <translation>Cron</translation>
    </message>
    <message>
        <source>Five fields: minute, hour, day of month, month, day of week. Each is *, a number, a range 8-20, a list 1,15 or a step */15; months and weekdays also by name (JAN, MON).</source>
        <translation>Five fields: minute, hour, day of month, month, day of week. Each is *, a number, a range 8-20, a list 1,15 or a step */15; months and weekdays also by name (JAN, MON).</translation>
    </message>
    <message>
        <source>After schemes</source>
        <translation>After schemes</translation>
    </message>
    <message>
        <source>Also runs each time one of the checked schemes finishes successfully — for example, read customers before the documents that look them up.</source>
        <translation>Also runs each time one of the checked schemes finishes successfully — for example, read customers before the documents that look them up.</translation>
    </message>
    <message>
        <source>Next runs</source>
        <translation>Next runs</translation>
    </message>
</context>
<context>
    <name>SchemeProperties</name>
    <message>
        <source>Scheme</source>
        <translation>Scheme</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>unique, e.g. purchasein</source>
        <translation>unique, e.g. purchasein</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Enabled</translation>
    </message>
    <message>
        <source>Source connection</source>
        <translation>Source connection</translation>
    </message>
    <message>
        <source>Target connection</source>
        <translation>Target connection</translation>
    </message>
    <message>
        <source>Incremental sync</source>
        <translation>Incremental sync</translation>
    </message>
    <message>
        <source>First run reads since</source>
        <translation>First run reads since</translation>
    </message>
    <message>
        <source>Overlap</source>
        <translation>Overlap</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Retries and errors</source>
        <translation>Retries and errors</translation>
    </message>
    <message>
        <source>Retry attempts</source>
        <translation>Retry attempts</translation>
    </message>
    <message>
        <source>First retry after</source>
        <translation>First retry after</translation>
    </message>
    <message>
        <source>Stop after failed records</source>
        <translation>Stop after failed records</translation>
    </message>
    <message>
        <source>never stop</source>
        <translation>never stop</translation>
    </message>
</context>
<context>
    <name>StepProperties</name>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Enabled</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Arrays</source>
        <translation>Arrays</translation>
    </message>
    <message>
        <source>Each element becomes a record; its fields are named &lt;array&gt;_&lt;field&gt; and the id gets -&lt;index&gt;.</source>
        <translation>Each element becomes a record; its fields are named &lt;array&gt;_&lt;field&gt; and the id gets -&lt;index&gt;.</translation>
    </message>
    <message>
        <source>Keep records where this is true:</source>
        <translation>Keep records where this is true:</translation>
    </message>
    <message>
        <source>Example: _function {status} &lt;&gt; &apos;cancelled&apos;. Records for which it is false are counted as skipped.</source>
        <translation>Example: _function {status} &lt;&gt; &apos;cancelled&apos;. Records for which it is false are counted as skipped.</translation>
    </message>
    <message>
        <source>Apply settings</source>
        <translation>Apply settings</translation>
    </message>
</context>
<context>
    <name>weft</name>
    <message>
        <source>Add connection %1</source>
        <translation>Add connection %1</translation>
    </message>
    <message>
        <source>Edit connection %1</source>
        <translation>Edit connection %1</translation>
    </message>
    <message>
        <source>Rename connection</source>
        <translation>Rename connection</translation>
    </message>
</context>
<context>
    <name>weft::AccountFields</name>
    <message>
        <source>App key</source>
        <translation>App key</translation>
    </message>
    <message>
        <source>App secret</source>
        <translation>App secret</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Access token</translation>
    </message>
    <message>
        <source>Refresh token</source>
        <translation>Refresh token</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client ID</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Client secret</translation>
    </message>
    <message>
        <source>X-GW-Router-Addr</source>
        <translation>X-GW-Router-Addr</translation>
    </message>
    <message>
        <source>Account set ID (acctId)</source>
        <translation>Account set ID (acctId)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Login method (appSecret | password)</source>
        <translation>Login method (appSecret | password)</translation>
    </message>
    <message>
        <source>App ID</source>
        <translation>App ID</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Language (lcid)</source>
        <translation>Language (lcid)</translation>
    </message>
    <message>
        <source>Authentication (none | bearer | basic | header)</source>
        <translation>Authentication (none | bearer | basic | header)</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Header name</source>
        <translation>Header name</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
</context>
<context>
    <name>weft::AdapterPropertiesPage</name>
    <message>
        <source>api</source>
        <translation>api</translation>
    </message>
    <message>
        <source>id field</source>
        <translation>id field</translation>
    </message>
    <message>
        <source>number field</source>
        <translation>number field</translation>
    </message>
    <message>
        <source>name field</source>
        <translation>name field</translation>
    </message>
    <message>
        <source>method</source>
        <translation>method</translation>
    </message>
    <message>
        <source>connection</source>
        <translation>connection</translation>
    </message>
    <message>
        <source>idCheck</source>
        <translation>idCheck</translation>
    </message>
    <message>
        <source>beatFlat</source>
        <translation>beatFlat</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Edit source %1</source>
        <translation>Edit source %1</translation>
    </message>
    <message>
        <source>Edit target %1</source>
        <translation>Edit target %1</translation>
    </message>
    <message>
        <source>Not applied: %1 at character %2.</source>
        <translation>Not applied: %1 at character %2.</translation>
    </message>
    <message>
        <source>Not applied: the metadata must be a JSON object.</source>
        <translation>Not applied: the metadata must be a JSON object.</translation>
    </message>
    <message>
        <source>metadata</source>
        <translation>metadata</translation>
    </message>
</context>
<context>
    <name>weft::AlertChannelDialog</name>
    <message>
        <source>DingTalk group robot</source>
        <translation>DingTalk group robot</translation>
    </message>
    <message>
        <source>WeCom group robot</source>
        <translation>WeCom group robot</translation>
    </message>
    <message>
        <source>JSON webhook</source>
        <translation>JSON webhook</translation>
    </message>
    <message>
        <source>variable %1</source>
        <translation>variable %1</translation>
    </message>
    <message>
        <source>keychain %1 (not readable by alerts)</source>
        <translation>keychain %1 (not readable by alerts)</translation>
    </message>
    <message>
        <source>plain text (hidden)</source>
        <translation>plain text (hidden)</translation>
    </message>
    <message>
        <source>“%1” is not a variable name (letters, digits and _).</source>
        <translation>“%1” is not a variable name (letters, digits and _).</translation>
    </message>
    <message>
        <source>Alerts cannot read the keychain (weft-run serve runs without a desktop session): use an environment variable.</source>
        <translation>Alerts cannot read the keychain (weft-run serve runs without a desktop session): use an environment variable.</translation>
    </message>
    <message>
        <source>The address is stored as plain text: use an environment variable.</source>
        <translation>The address is stored as plain text: use an environment variable.</translation>
    </message>
    <message>
        <source>Give the webhook&apos;s address, or the variable that holds it.</source>
        <translation>Give the webhook&apos;s address, or the variable that holds it.</translation>
    </message>
    <message>
        <source>The address has a malformed ${…} reference: %1</source>
        <translation>The address has a malformed ${…} reference: %1</translation>
    </message>
    <message>
        <source>A robot&apos;s webhook carries its access token, a secret: write the token as ${VARIABLE}, or take the whole address from an environment variable.</source>
        <translation>A robot&apos;s webhook carries its access token, a secret: write the token as ${VARIABLE}, or take the whole address from an environment variable.</translation>
    </message>
    <message>
        <source>The address is not an http:// or https:// URL.</source>
        <translation>The address is not an http:// or https:// URL.</translation>
    </message>
    <message>
        <source>The address holds a password: write it as ${VARIABLE}.</source>
        <translation>The address holds a password: write it as ${VARIABLE}.</translation>
    </message>
    <message>
        <source>The URL parameter “%1” is a secret: write it as ${VARIABLE} and set the variable where the project runs.</source>
        <translation>The URL parameter “%1” is a secret: write it as ${VARIABLE} and set the variable where the project runs.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>DingTalk: group settings → robots → add a custom robot. With “加签” signing on, give the variable that holds its secret (SEC…); Weft then adds timestamp and sign to every message.</source>
        <translation>DingTalk: group settings → robots → add a custom robot. With “加签” signing on, give the variable that holds its secret (SEC…); Weft then adds timestamp and sign to every message.</translation>
    </message>
    <message>
        <source>WeCom: group settings → add a group robot. Its webhook URL ends in ?key=…, and that key is the secret.</source>
        <translation>WeCom: group settings → add a group robot. Its webhook URL ends in ?key=…, and that key is the secret.</translation>
    </message>
    <message>
        <source>Weft POSTs a JSON object: the rule, scheme, run id, outcome, counters and message.</source>
        <translation>Weft POSTs a JSON object: the rule, scheme, run id, outcome, counters and message.</translation>
    </message>
    <message>
        <source>The project holds: %1</source>
        <translation>The project holds: %1</translation>
    </message>
    <message>
        <source>Not set in this session: %1 — set it where weft-run serve runs (and here, to send a test alert).</source>
        <translation>Not set in this session: %1 — set it where weft-run serve runs (and here, to send a test alert).</translation>
    </message>
</context>
<context>
    <name>weft::AlertsDialog</name>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>condition</source>
        <translation>condition</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>threshold</translation>
    </message>
    <message>
        <source>period</source>
        <translation>period</translation>
    </message>
    <message>
        <source>quiet period</source>
        <translation>quiet period</translation>
    </message>
    <message>
        <source>schemes</source>
        <translation>schemes</translation>
    </message>
    <message>
        <source>Edit %1 of alert %2</source>
        <translation>Edit %1 of alert %2</translation>
    </message>
    <message>
        <source>run failed</source>
        <translation>run failed</translation>
    </message>
    <message>
        <source>run failed %1</source>
        <translation>run failed %1</translation>
    </message>
    <message>
        <source>Add alert %1</source>
        <translation>Add alert %1</translation>
    </message>
    <message>
        <source>Delete alert %1</source>
        <translation>Delete alert %1</translation>
    </message>
    <message>
        <source>channels (add %1)</source>
        <translation>channels (add %1)</translation>
    </message>
    <message>
        <source>channel %1</source>
        <translation>channel %1</translation>
    </message>
    <message>
        <source>channels (remove one)</source>
        <translation>channels (remove one)</translation>
    </message>
    <message>
        <source>The rule needs a name.</source>
        <translation>The rule needs a name.</translation>
    </message>
    <message>
        <source>Another rule is also named “%1”.</source>
        <translation>Another rule is also named “%1”.</translation>
    </message>
    <message>
        <source>“%1” is no condition Weft knows.</source>
        <translation>“%1” is no condition Weft knows.</translation>
    </message>
    <message>
        <source>Say after how many minutes without a successful run it fires.</source>
        <translation>Say after how many minutes without a successful run it fires.</translation>
    </message>
    <message>
        <source>There is no scheme “%1” in the project.</source>
        <translation>There is no scheme “%1” in the project.</translation>
    </message>
    <message>
        <source>Add a channel: the rule has nobody to tell.</source>
        <translation>Add a channel: the rule has nobody to tell.</translation>
    </message>
    <message>
        <source>its signing secret must be an environment variable.</source>
        <translation>its signing secret must be an environment variable.</translation>
    </message>
    <message>
        <source>Channel %1 (%2): %3</source>
        <translation>Channel %1 (%2): %3</translation>
    </message>
    <message>
        <source>A run failed (aborted)</source>
        <translation>A run failed (aborted)</translation>
    </message>
    <message>
        <source>A run ended with more failed records than a threshold</source>
        <translation>A run ended with more failed records than a threshold</translation>
    </message>
    <message>
        <source>No successful run for a while</source>
        <translation>No successful run for a while</translation>
    </message>
    <message>
        <source>A system refused the credentials</source>
        <translation>A system refused the credentials</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Signing secret</source>
        <translation>Signing secret</translation>
    </message>
    <message>
        <source>Last test</source>
        <translation>Last test</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <source>This rule cannot fire yet: see its problems.</source>
        <translation>This rule cannot fire yet: see its problems.</translation>
    </message>
    <message>
        <source>%1 (no such scheme)</source>
        <translation>%1 (no such scheme)</translation>
    </message>
    <message>
        <source>(not signed)</source>
        <translation>(not signed)</translation>
    </message>
    <message>
        <source>✓ delivered</source>
        <translation>✓ delivered</translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <source>No rules yet: add one.</source>
        <translation>No rules yet: add one.</translation>
    </message>
    <message>
        <source>Fix the rule&apos;s problems to send a test.</source>
        <translation>Fix the rule&apos;s problems to send a test.</translation>
    </message>
    <message>
        <source>Sends a test message through every channel of this rule, now.</source>
        <translation>Sends a test message through every channel of this rule, now.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>%1. %2: %3</source>
        <translation>%1. %2: %3</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>delivered</translation>
    </message>
    <message>
        <source>%1 of %2 channel(s) delivered the test message.</source>
        <translation>%1 of %2 channel(s) delivered the test message.</translation>
    </message>
</context>
<context>
    <name>weft::ApiUsageModel</name>
    <message>
        <source>%1 (%2%)</source>
        <translation>%1 (%2%)</translation>
    </message>
    <message>
        <source>Calls the system answered with “too many requests” (waited out and repeated)</source>
        <translation>Calls the system answered with “too many requests” (waited out and repeated)</translation>
    </message>
    <message>
        <source>Latency: half (p50) and 95 % (p95) of the calls took at most this long (upper bound of a histogram bucket)</source>
        <translation>Latency: half (p50) and 95 % (p95) of the calls took at most this long (upper bound of a histogram bucket)</translation>
    </message>
    <message>
        <source>Records the calls brought, on average</source>
        <translation>Records the calls brought, on average</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Calls</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Errors</translation>
    </message>
    <message>
        <source>Error codes</source>
        <translation>Error codes</translation>
    </message>
    <message>
        <source>Throttled</source>
        <translation>Throttled</translation>
    </message>
    <message>
        <source>p50 ms</source>
        <translation>p50 ms</translation>
    </message>
    <message>
        <source>p95 ms</source>
        <translation>p95 ms</translation>
    </message>
    <message>
        <source>Rec./call</source>
        <translation>Rec./call</translation>
    </message>
</context>
<context>
    <name>weft::ApiUsagePanel</name>
    <message>
        <source>Save the project first: its state store counts every API call of runs and previews.</source>
        <translation>Save the project first: its state store counts every API call of runs and previews.</translation>
    </message>
    <message>
        <source>Calls: %1 · errors: %2 · throttled: %3 (counted per hour in the state store)</source>
        <translation>Calls: %1 · errors: %2 · throttled: %3 (counted per hour in the state store)</translation>
    </message>
    <message>
        <source>No API calls in this period</source>
        <translation>No API calls in this period</translation>
    </message>
    <message numerus="yes">
        <source>Calls and errors of the %n busiest endpoint(s)</source>
        <translation>
            <numerusform>Calls and errors of the %n busiest endpoint</numerusform>
            <numerusform>Calls and errors of the %n busiest endpoints</numerusform>
        </translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Calls</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Errors</translation>
    </message>
    <message>
        <source>%1
%2 calls, %3 errors</source>
        <translation>%1
%2 calls, %3 errors</translation>
    </message>
</context>
<context>
    <name>weft::BottomPanel</name>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Failed records</source>
        <translation>Failed records</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>API usage</source>
        <translation>API usage</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>Node data</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>weft::Commands</name>
    <message>
        <source>Delete scheme %1</source>
        <translation>Delete scheme %1</translation>
    </message>
    <message>
        <source>Edit project settings</source>
        <translation>Edit project settings</translation>
    </message>
</context>
<context>
    <name>weft::ConnectionDialog</name>
    <message>
        <source>Jushuitan (聚水潭)</source>
        <translation>Jushuitan (聚水潭)</translation>
    </message>
    <message>
        <source>Kingdee JDY (金蝶云星辰)</source>
        <translation>Kingdee JDY (金蝶云星辰)</translation>
    </message>
    <message>
        <source>Kingdee K3Cloud (金蝶云星空)</source>
        <translation>Kingdee K3Cloud (金蝶云星空)</translation>
    </message>
    <message>
        <source>DingTalk (钉钉)</source>
        <translation>DingTalk (钉钉)</translation>
    </message>
    <message>
        <source>Any JSON HTTP API</source>
        <translation>Any JSON HTTP API</translation>
    </message>
    <message>
        <source>MySQL / MariaDB</source>
        <translation>MySQL / MariaDB</translation>
    </message>
    <message>
        <source>Local store (Weft&apos;s state store)</source>
        <translation>Local store (Weft&apos;s state store)</translation>
    </message>
    <message>
        <source>Connection %1</source>
        <translation>Connection %1</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>New connection</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Give the connection a name.</source>
        <translation>Give the connection a name.</translation>
    </message>
    <message>
        <source>There is already a connection named “%1”.</source>
        <translation>There is already a connection named “%1”.</translation>
    </message>
    <message>
        <source>Give the base URL of the system.</source>
        <translation>Give the base URL of the system.</translation>
    </message>
    <message>
        <source>Fill in %1.</source>
        <translation>Fill in %1.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Testing…</translation>
    </message>
    <message>
        <source>Saving secrets to the keychain…</source>
        <translation>Saving secrets to the keychain…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The keychain could not store the secret (%1). Use an environment variable instead, or unlock the keychain and try again.</source>
        <translation>The keychain could not store the secret (%1). Use an environment variable instead, or unlock the keychain and try again.</translation>
    </message>
</context>
<context>
    <name>weft::ConnectionTester</name>
    <message>
        <source>The local store needs no connection.</source>
        <translation>The local store needs no connection.</translation>
    </message>
    <message>
        <source>Could not log in to MySQL: %1</source>
        <translation>Could not log in to MySQL: %1</translation>
    </message>
    <message>
        <source>Connected to MySQL %1 (database %2) in %3 ms.</source>
        <translation>Connected to MySQL %1 (database %2) in %3 ms.</translation>
    </message>
    <message>
        <source>The base URL “%1” is not a valid http(s) address.</source>
        <translation>The base URL “%1” is not a valid http(s) address.</translation>
    </message>
    <message>
        <source>%1 answered (HTTP %2) in %3 ms; the account settings resolve.</source>
        <translation>%1 answered (HTTP %2) in %3 ms; the account settings resolve.</translation>
    </message>
    <message>
        <source>%1 did not answer: %2</source>
        <translation>%1 did not answer: %2</translation>
    </message>
</context>
<context>
    <name>weft::EditorTabs</name>
    <message>
        <source>Mapping: %1</source>
        <translation>Mapping: %1</translation>
    </message>
    <message>
        <source>Canvas</source>
        <translation>Canvas</translation>
    </message>
</context>
<context>
    <name>weft::EndpointPicker</name>
    <message>
        <source>System:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by title (中文 or English), API path or field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation type="unfinished">Endpoint</translation>
    </message>
    <message>
        <source>API</source>
        <translation type="unfinished">API</translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All systems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matched: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No endpoint matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2 %3
Fields: %4</source>
    </message>
</context>
<context>
    <name>weft::EnvironmentSwitcher</name>
    <message>
        <source> · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished">(none)</translation>
    </message>
    <message>
        <source>The project has no environments: add them in the project&apos;s properties.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs and previews use this environment&apos;s variables and secrets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch to environment %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>weft::EnvironmentsEditor</name>
    <message>
        <source>Environments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished">Add</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished">Remove</translation>
    </message>
    <message>
        <source>Make active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <source>Given as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished">Value</translation>
    </message>
    <message>
        <source>Double-click a name to rename it. The active environment (bold) is the one runs and previews use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active: runs and previews use it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variables of %1 (they override the process environment&apos;s):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No environments: connections read ${NAME} from the process environment. Add one per account (测试, 生产).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment variable</source>
        <translation type="unfinished">Environment variable</translation>
    </message>
    <message>
        <source>Keychain entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change how %1 is given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two variables cannot have the same name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be a variable name: use letters, digits and _, not starting with a digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename variable %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit variable %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An environment needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is an environment %1 already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename environment %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add environment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove environment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch to environment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add variable %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove variable %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>weft::ExpressionField</name>
    <message>
        <source>No value: the field is not sent.</source>
        <translation>No value: the field is not sent.</translation>
    </message>
    <message>
        <source>OK. Run a preview to see the value for a sample record.</source>
        <translation>OK. Run a preview to see the value for a sample record.</translation>
    </message>
    <message>
        <source>For %1: %2</source>
        <translation>For %1: %2</translation>
    </message>
</context>
<context>
    <name>weft::ExpressionLexer</name>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Field template</source>
        <translation>Field template</translation>
    </message>
    <message>
        <source>Value prefix</source>
        <translation>Value prefix</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Function</translation>
    </message>
    <message>
        <source>Keyword</source>
        <translation>Keyword</translation>
    </message>
    <message>
        <source>String</source>
        <translation>String</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
</context>
<context>
    <name>weft::FailedRecordsModel</name>
    <message>
        <source>fetch</source>
        <translation>fetch</translation>
    </message>
    <message>
        <source>transform</source>
        <translation>transform</translation>
    </message>
    <message>
        <source>write</source>
        <translation>write</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>waiting for retry</source>
        <translation>waiting for retry</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>resolved</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>ignored</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>loading…</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>Scheme</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Record id</source>
        <translation>Record id</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last attempt</source>
        <translation>Last attempt</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
</context>
<context>
    <name>weft::FailedRecordsPanel</name>
    <message numerus="yes">
        <source>%n record(s) ignored.</source>
        <translation>
            <numerusform>%n record ignored.</numerusform>
            <numerusform>%n records ignored.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed records</source>
        <translation>Export failed records</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Not valid JSON</source>
        <translation>Not valid JSON</translation>
    </message>
    <message>
        <source>All schemes</source>
        <translation>All schemes</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>%1 record(s)</source>
        <translation>%1 record(s)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>[%1] %2</source>
        <translation>[%1] %2</translation>
    </message>
    <message>
        <source>Record %1 · scheme %2 · run %3 · attempt %4</source>
        <translation>Record %1 · scheme %2 · run %3 · attempt %4</translation>
    </message>
    <message>
        <source>(not mapped: the record failed before the target payload was made)</source>
        <translation>(not mapped: the record failed before the target payload was made)</translation>
    </message>
    <message>
        <source>A retry runs one scheme: retrying the records of %1 first.</source>
        <translation>A retry runs one scheme: retrying the records of %1 first.</translation>
    </message>
    <message>
        <source>No open failed records to retry.</source>
        <translation>No open failed records to retry.</translation>
    </message>
    <message>
        <source>Could not mark the records ignored.</source>
        <translation>Could not mark the records ignored.</translation>
    </message>
    <message>
        <source>The source payload is not a JSON object: fix it before retrying.</source>
        <translation>The source payload is not a JSON object: fix it before retrying.</translation>
    </message>
    <message>
        <source>Could not save the edited payload.</source>
        <translation>Could not save the edited payload.</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exported to %1.</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message numerus="yes">
        <source>Reading the %n selected record(s)…</source>
        <translation>
            <numerusform>Reading the selected record…</numerusform>
            <numerusform>Reading the %n selected records…</numerusform>
        </translation>
    </message>
    <message>
        <source>The selected records are no longer in the list.</source>
        <translation>The selected records are no longer in the list.</translation>
    </message>
</context>
<context>
    <name>weft::JsonTreeModel</name>
    <message numerus="yes">
        <source>{%n field(s)}</source>
        <translation>
            <numerusform>{%n field}</numerusform>
            <numerusform>{%n fields}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n item(s)]</source>
        <translation>
            <numerusform>[%n item]</numerusform>
            <numerusform>[%n items]</numerusform>
        </translation>
    </message>
    <message>
        <source>object</source>
        <translation>object</translation>
    </message>
    <message>
        <source>array</source>
        <translation>array</translation>
    </message>
    <message>
        <source>string</source>
        <translation>string</translation>
    </message>
    <message>
        <source>number</source>
        <translation>number</translation>
    </message>
    <message>
        <source>bool</source>
        <translation>bool</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
</context>
<context>
    <name>weft::LogModel</name>
    <message>
        <source>trace</source>
        <translation>trace</translation>
    </message>
    <message>
        <source>debug</source>
        <translation>debug</translation>
    </message>
    <message>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>warning</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>critical</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>weft::MainActions</name>
    <message>
        <source>&amp;New project</source>
        <translation>&amp;New project</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>Save &amp;as…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Undo %1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Redo %1</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>&amp;Find scheme or connection</source>
        <translation>&amp;Find scheme or connection</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;in</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom &amp;out</translation>
    </message>
    <message>
        <source>Actual &amp;size</source>
        <translation>Actual &amp;size</translation>
    </message>
    <message>
        <source>&amp;Fit to view</source>
        <translation>&amp;Fit to view</translation>
    </message>
    <message>
        <source>&amp;Auto-layout</source>
        <translation>&amp;Auto-layout</translation>
    </message>
    <message>
        <source>New &amp;connection…</source>
        <translation>New &amp;connection…</translation>
    </message>
    <message>
        <source>New &amp;scheme</source>
        <translation>New &amp;scheme</translation>
    </message>
    <message>
        <source>Edit &amp;mapping</source>
        <translation>Edit &amp;mapping</translation>
    </message>
    <message>
        <source>&amp;Run project</source>
        <translation>&amp;Run project</translation>
    </message>
    <message>
        <source>Run &amp;scheme</source>
        <translation>Run &amp;scheme</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Preview</translation>
    </message>
    <message>
        <source>&amp;Cancel run</source>
        <translation>&amp;Cancel run</translation>
    </message>
    <message>
        <source>&amp;About Weft</source>
        <translation>&amp;About Weft</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Main toolbar</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Open &amp;recent</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>&amp;Project</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Run</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Alerts…</source>
        <translation>&amp;Alerts…</translation>
    </message>
    <message>
        <source>&amp;Jump to scheme…</source>
        <translation>&amp;Jump to scheme…</translation>
    </message>
    <message>
        <source>O&amp;verview</source>
        <translation>O&amp;verview</translation>
    </message>
    <message>
        <source>New &amp;integration…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>weft::MainWindow</name>
    <message>
        <source>Open project</source>
        <translation>Open project</translation>
    </message>
    <message>
        <source>Weft projects (*.weft.json *.json)</source>
        <translation>Weft projects (*.weft.json *.json)</translation>
    </message>
    <message>
        <source>About Weft</source>
        <translation>About Weft</translation>
    </message>
    <message>
        <source>&lt;b&gt;Weft %1&lt;/b&gt;&lt;br&gt;A desktop integration designer for Chinese business systems: Jushuitan, Kingdee JDY and K3Cloud, DingTalk, MySQL and any JSON HTTP API.</source>
        <translation>&lt;b&gt;Weft %1&lt;/b&gt;&lt;br&gt;A desktop integration designer for Chinese business systems: Jushuitan, Kingdee JDY and K3Cloud, DingTalk, MySQL and any JSON HTTP API.</translation>
    </message>
    <message>
        <source>Edit mapping</source>
        <translation>Edit mapping</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Run scheme</source>
        <translation>Run scheme</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Zoom %1%</source>
        <translation>Zoom %1%</translation>
    </message>
    <message>
        <source>Showing the failed records and log lines of run %1.</source>
        <translation>Showing the failed records and log lines of run %1.</translation>
    </message>
    <message>
        <source>%1 error(s), %2 warning(s)</source>
        <translation>%1 error(s), %2 warning(s)</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Nodes (drag onto the canvas)</source>
        <translation>Nodes (drag onto the canvas)</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Properties</translation>
    </message>
    <message>
        <source>Run and results</source>
        <translation>Run and results</translation>
    </message>
    <message>
        <source>Language: %1</source>
        <translation>Language: %1</translation>
    </message>
    <message>
        <source>%1[*] — Weft</source>
        <translation>%1[*] — Weft</translation>
    </message>
    <message>
        <source>Select a scheme first (in the project explorer or on the canvas).</source>
        <translation>Select a scheme first (in the project explorer or on the canvas).</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation type="unfinished">Cannot save</translation>
    </message>
    <message>
        <source>The pinned samples were not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>weft::MappingEditor</name>
    <message numerus="yes">
        <source>Auto-map: %n field(s) mapped by name.</source>
        <translation>
            <numerusform>Auto-map: %n field mapped by name.</numerusform>
            <numerusform>Auto-map: %n fields mapped by name.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n required field(s) not mapped</source>
        <translation>
            <numerusform>%n required field not mapped</numerusform>
            <numerusform>%n required fields not mapped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sample record(s)</source>
        <translation>
            <numerusform>%n sample record</numerusform>
            <numerusform>%n sample records</numerusform>
        </translation>
    </message>
    <message>
        <source>Auto-map: no unmapped target field has a source field of the same name.</source>
        <translation>Auto-map: no unmapped target field has a source field of the same name.</translation>
    </message>
    <message>
        <source>Columns of table %1 read from the database: %2.</source>
        <translation>Columns of table %1 read from the database: %2.</translation>
    </message>
    <message>
        <source>Columns of table %1 could not be read: %2</source>
        <translation>Columns of table %1 could not be read: %2</translation>
    </message>
    <message>
        <source>Reading the columns of table %1…</source>
        <translation>Reading the columns of table %1…</translation>
    </message>
    <message>
        <source>Mapping of %1</source>
        <translation>Mapping of %1</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>Mapping</translation>
    </message>
    <message>
        <source>Sample record</source>
        <translation>Sample record</translation>
    </message>
    <message>
        <source>Search source fields</source>
        <translation>Search source fields</translation>
    </message>
    <message>
        <source>Search target fields</source>
        <translation>Search target fields</translation>
    </message>
    <message>
        <source>Unmapped only</source>
        <translation>Unmapped only</translation>
    </message>
    <message>
        <source>Auto-map</source>
        <translation>Auto-map</translation>
    </message>
    <message>
        <source>Map every unmapped target field to the source field of the same name</source>
        <translation>Map every unmapped target field to the source field of the same name</translation>
    </message>
    <message>
        <source>Clear selected</source>
        <translation>Clear selected</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>Clear all</translation>
    </message>
    <message>
        <source>Parser</source>
        <translation>Parser</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>params</source>
        <translation>params</translation>
    </message>
    <message>
        <source>params2</source>
        <translation>params2</translation>
    </message>
    <message>
        <source>Source field</source>
        <translation>Source field</translation>
    </message>
    <message>
        <source>Sample value</source>
        <translation>Sample value</translation>
    </message>
    <message>
        <source>Drag fields onto a target field to map them; several at once make a composite value. Drop on empty space to map by name.</source>
        <translation>Drag fields onto a target field to map them; several at once make a composite value. Drop on empty space to map by name.</translation>
    </message>
    <message>
        <source>%1 of %2 fields mapped</source>
        <translation>%1 of %2 fields mapped</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Fetch sample</source>
        <translation>Fetch sample</translation>
    </message>
    <message>
        <source>Fetching a sample…</source>
        <translation>Fetching a sample…</translation>
    </message>
    <message>
        <source>Sample failed: %1</source>
        <translation>Sample failed: %1</translation>
    </message>
    <message>
        <source>No sample yet</source>
        <translation>No sample yet</translation>
    </message>
    <message>
        <source>record %1</source>
        <translation>record %1</translation>
    </message>
    <message>
        <source>%1 is built from its fields below.</source>
        <translation>%1 is built from its fields below.</translation>
    </message>
    <message>
        <source>Select a target field to edit its value.</source>
        <translation>Select a target field to edit its value.</translation>
    </message>
    <message>
        <source>Value of %1</source>
        <translation>Value of %1</translation>
    </message>
    <message>
        <source>Value of %1 (%2)</source>
        <translation>Value of %1 (%2)</translation>
    </message>
</context>
<context>
    <name>weft::MappingModel</name>
    <message numerus="yes">
        <source>Auto-map %n field(s)</source>
        <translation>
            <numerusform>Auto-map %n field</numerusform>
            <numerusform>Auto-map %n fields</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Clear %n mapping(s)</source>
        <translation>
            <numerusform>Clear %n mapping</numerusform>
            <numerusform>Clear %n mappings</numerusform>
        </translation>
    </message>
    <message>
        <source>Required: not mapped</source>
        <translation>Required: not mapped</translation>
    </message>
    <message>
        <source>Clear mapping of %1</source>
        <translation>Clear mapping of %1</translation>
    </message>
    <message>
        <source>Map %1</source>
        <translation>Map %1</translation>
    </message>
    <message>
        <source>%1 is a group: drop the source fields onto its fields.</source>
        <translation>%1 is a group: drop the source fields onto its fields.</translation>
    </message>
    <message>
        <source>Map %1 → %2</source>
        <translation>Map %1 → %2</translation>
    </message>
    <message>
        <source>Set parser of %1</source>
        <translation>Set parser of %1</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Target field</source>
        <translation>Target field</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Value (template or expression)</source>
        <translation>Value (template or expression)</translation>
    </message>
    <message>
        <source>Parser</source>
        <translation>Parser</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>No unmapped target field has the name of %1: drop the fields onto a target field.</source>
        <translation>No unmapped target field has the name of %1: drop the fields onto a target field.</translation>
    </message>
</context>
<context>
    <name>weft::MySqlColumnLoader</name>
    <message>
        <source>table %1 does not exist (yet) in %2</source>
        <translation>table %1 does not exist (yet) in %2</translation>
    </message>
</context>
<context>
    <name>weft::NewIntegrationDialog</name>
    <message>
        <source>Table %1 does not exist (or has no columns).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New integration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where do the records go?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A system&apos;s API (catalogue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An existing MySQL table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new MySQL table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The table Weft proposes from the source&apos;s fields (edit freely; the first run creates it):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">Cancel</translation>
    </message>
    <message>
        <source>1 / 3 · Source: which records to read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2 / 3 · Target: where to write them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 / 3 · Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its columns are read from the database when you create the scheme; auto-map matches them by name and by their comments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New connection (%1)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None for now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creates scheme %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The columns of %1 are read now, then auto-mapped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Auto-map fills %n target field(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Required and still to map: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without connections the scheme cannot fetch a sample or run yet; add them later in its properties.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the MySQL connection to read the table&apos;s columns with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the columns of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New integration %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New connection %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New scheme %1</source>
        <translation type="unfinished">New scheme %1</translation>
    </message>
</context>
<context>
    <name>weft::NodeDataPanel</name>
    <message>
        <source>Records leaving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch</source>
        <translation type="unfinished">Fetch</translation>
    </message>
    <message>
        <source>Fetch a sample from the source; a pinned sample is replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a record to the pinned sample, to try an edge case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpin sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source (raw)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After beatFlat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After the mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pinned sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fetched sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a node on the canvas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sample of %1 yet: fetch one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not preview: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This node has no records in the sample (disabled or not chained).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 in · %3 out · %4 dropped · %5 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> · %n document(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Add a record to the pinned sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit record %1 of the pinned sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not JSON: %1 (at %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A record is a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>weft::NodeItem</name>
    <message>
        <source>read %1</source>
        <translation>read %1</translation>
    </message>
    <message>
        <source>written %1</source>
        <translation>written %1</translation>
    </message>
    <message>
        <source>failed %1</source>
        <translation>failed %1</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>not connected</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>disabled</translation>
    </message>
    <message>
        <source>in %1 → out %2</source>
        <translation>in %1 → out %2</translation>
    </message>
</context>
<context>
    <name>weft::NodeKind</name>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Reads records from a system. Drop on empty canvas to start a new scheme.</source>
        <translation>Reads records from a system. Drop on empty canvas to start a new scheme.</translation>
    </message>
    <message>
        <source>Flatten</source>
        <translation>Flatten</translation>
    </message>
    <message>
        <source>Explodes an array field into one record per element (like beatFlat).</source>
        <translation>Explodes an array field into one record per element (like beatFlat).</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Keeps the records for which a condition is true; the others are skipped.</source>
        <translation>Keeps the records for which a condition is true; the others are skipped.</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>Mapping</translation>
    </message>
    <message>
        <source>Maps source fields onto the target&apos;s fields (double-click to edit).</source>
        <translation>Maps source fields onto the target&apos;s fields (double-click to edit).</translation>
    </message>
    <message>
        <source>Lookup</source>
        <translation>Lookup</translation>
    </message>
    <message>
        <source>Adds fields looked up in another scheme&apos;s stored records.</source>
        <translation>Adds fields looked up in another scheme&apos;s stored records.</translation>
    </message>
    <message>
        <source>Validate</source>
        <translation>Validate</translation>
    </message>
    <message>
        <source>Checks rules (required, length, pattern); a record breaking one becomes a failed record.</source>
        <translation>Checks rules (required, length, pattern); a record breaking one becomes a failed record.</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Writes the mapped records to a system in batches.</source>
        <translation>Writes the mapped records to a system in batches.</translation>
    </message>
</context>
<context>
    <name>weft::Parsers</name>
    <message>
        <source>Wraps the value in an object: &quot;X&quot; → {&quot;FNumber&quot;: &quot;X&quot;} (K3Cloud base data).</source>
        <translation>Wraps the value in an object: &quot;X&quot; → {&quot;FNumber&quot;: &quot;X&quot;} (K3Cloud base data).</translation>
    </message>
    <message>
        <source>Wraps the value twice: {&quot;A&quot;: {&quot;B&quot;: value}}.</source>
        <translation>Wraps the value twice: {&quot;A&quot;: {&quot;B&quot;: value}}.</translation>
    </message>
    <message>
        <source>Splits text into an array at a separator (default &quot;,&quot;).</source>
        <translation>Splits text into an array at a separator (default &quot;,&quot;).</translation>
    </message>
    <message>
        <source>Joins an array into text with a separator (default &quot;,&quot;).</source>
        <translation>Joins an array into text with a separator (default &quot;,&quot;).</translation>
    </message>
    <message>
        <source>Parses JSON text into an object or array.</source>
        <translation>Parses JSON text into an object or array.</translation>
    </message>
</context>
<context>
    <name>weft::PipelineModel</name>
    <message>
        <source>%1 of %2 fields mapped</source>
        <translation>%1 of %2 fields mapped</translation>
    </message>
    <message>
        <source>Connect %1 to %2</source>
        <translation>Connect %1 to %2</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Disconnect</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>New scheme</source>
        <translation>New scheme</translation>
    </message>
    <message>
        <source>New scheme %1</source>
        <translation>New scheme %1</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Add %1</translation>
    </message>
    <message>
        <source>Move node</source>
        <translation>Move node</translation>
    </message>
    <message>
        <source>Move nodes</source>
        <translation>Move nodes</translation>
    </message>
    <message>
        <source>Auto-layout</source>
        <translation>Auto-layout</translation>
    </message>
    <message>
        <source>That node no longer exists.</source>
        <translation>That node no longer exists.</translation>
    </message>
    <message>
        <source>A node cannot feed itself.</source>
        <translation>A node cannot feed itself.</translation>
    </message>
    <message>
        <source>Nodes of different schemes cannot be connected: each scheme is one pipeline.</source>
        <translation>Nodes of different schemes cannot be connected: each scheme is one pipeline.</translation>
    </message>
    <message>
        <source>The target is the end of the pipeline: it has no output.</source>
        <translation>The target is the end of the pipeline: it has no output.</translation>
    </message>
    <message>
        <source>The source is the start of the pipeline: it has no input.</source>
        <translation>The source is the start of the pipeline: it has no input.</translation>
    </message>
    <message>
        <source>These nodes are already connected.</source>
        <translation>These nodes are already connected.</translation>
    </message>
    <message>
        <source>The mapping feeds the target only; put steps before the mapping.</source>
        <translation>The mapping feeds the target only; put steps before the mapping.</translation>
    </message>
    <message>
        <source>Only the mapping feeds the target.</source>
        <translation>Only the mapping feeds the target.</translation>
    </message>
    <message>
        <source>Connect one of these nodes to the scheme&apos;s chain first (starting from the source).</source>
        <translation>Connect one of these nodes to the scheme&apos;s chain first (starting from the source).</translation>
    </message>
    <message>
        <source>“%1” already has an input: a scheme is a single chain. Delete that connection first.</source>
        <translation>“%1” already has an input: a scheme is a single chain. Delete that connection first.</translation>
    </message>
    <message>
        <source>The source, the mapping and the target belong to the scheme: delete the scheme in the project explorer instead.</source>
        <translation>The source, the mapping and the target belong to the scheme: delete the scheme in the project explorer instead.</translation>
    </message>
    <message>
        <source>That connection no longer exists.</source>
        <translation>That connection no longer exists.</translation>
    </message>
    <message>
        <source>The source, the mapping and the target always stay connected; remove a step instead.</source>
        <translation>The source, the mapping and the target always stay connected; remove a step instead.</translation>
    </message>
    <message>
        <source>This scheme already has a source. Drop the source on empty canvas to start a new scheme.</source>
        <translation>This scheme already has a source. Drop the source on empty canvas to start a new scheme.</translation>
    </message>
    <message>
        <source>Every scheme has exactly one mapping and one target; drop a source on empty canvas to start a new scheme.</source>
        <translation>Every scheme has exactly one mapping and one target; drop a source on empty canvas to start a new scheme.</translation>
    </message>
    <message>
        <source>Drop a step inside a scheme&apos;s frame.</source>
        <translation>Drop a step inside a scheme&apos;s frame.</translation>
    </message>
</context>
<context>
    <name>weft::PreviewPanel</name>
    <message>
        <source>Fetching…</source>
        <translation>Fetching…</translation>
    </message>
    <message>
        <source>No preview of this scheme yet.</source>
        <translation>No preview of this scheme yet.</translation>
    </message>
    <message>
        <source>Could not fetch: %1</source>
        <translation>Could not fetch: %1</translation>
    </message>
    <message>
        <source>%1 source record(s) · %2 mapped · %3 failed · %4 skipped</source>
        <translation>%1 source record(s) · %2 mapped · %3 failed · %4 skipped</translation>
    </message>
    <message>
        <source>Pinned sample: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>weft::PreviewTableModel</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
</context>
<context>
    <name>weft::ProblemsPanel</name>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>warning</translation>
    </message>
    <message>
        <source>project</source>
        <translation>project</translation>
    </message>
</context>
<context>
    <name>weft::ProjectDocument</name>
    <message>
        <source>Untitled project</source>
        <translation>Untitled project</translation>
    </message>
</context>
<context>
    <name>weft::ProjectExplorer</name>
    <message>
        <source>Search connections and schemes</source>
        <translation>Search connections and schemes</translation>
    </message>
    <message>
        <source>Connections (%1)</source>
        <translation>Connections (%1)</translation>
    </message>
    <message>
        <source>Schemes (%1)</source>
        <translation>Schemes (%1)</translation>
    </message>
    <message>
        <source>Edit connection…</source>
        <translation>Edit connection…</translation>
    </message>
    <message>
        <source>Delete connection</source>
        <translation>Delete connection</translation>
    </message>
    <message>
        <source>Edit mapping</source>
        <translation>Edit mapping</translation>
    </message>
    <message>
        <source>Run scheme</source>
        <translation>Run scheme</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Delete scheme</source>
        <translation>Delete scheme</translation>
    </message>
    <message>
        <source>New connection…</source>
        <translation>New connection…</translation>
    </message>
    <message>
        <source>New scheme</source>
        <translation>New scheme</translation>
    </message>
</context>
<context>
    <name>weft::ProjectFiles</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>The project “%1” has changes that are not saved.</source>
        <translation>The project “%1” has changes that are not saved.</translation>
    </message>
    <message>
        <source>Save them before going on?</source>
        <translation>Save them before going on?</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>New project</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>Cannot open project</translation>
    </message>
    <message>
        <source>%1 could not be opened:
%2</source>
        <translation>%1 could not be opened:
%2</translation>
    </message>
    <message>
        <source>Opened %1 — it has %2 error(s): see the Problems tab.</source>
        <translation>Opened %1 — it has %2 error(s): see the Problems tab.</translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation>Opened %1.</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <source>The project was not saved: %1</source>
        <translation>The project was not saved: %1</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Saved %1.</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>Save project as</translation>
    </message>
    <message>
        <source>Weft projects (*.weft.json)</source>
        <translation>Weft projects (*.weft.json)</translation>
    </message>
    <message>
        <source>Cannot open example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The example %1 could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened the example %1 — Save as… keeps a copy of it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>weft::ProjectItemActions</name>
    <message>
        <source>Delete connection</source>
        <translation>Delete connection</translation>
    </message>
    <message>
        <source>%1 is used by %2. Delete it anyway? (Undo brings it back.)</source>
        <translation>%1 is used by %2. Delete it anyway? (Undo brings it back.)</translation>
    </message>
    <message>
        <source>Delete connection %1</source>
        <translation>Delete connection %1</translation>
    </message>
    <message>
        <source>Delete scheme</source>
        <translation>Delete scheme</translation>
    </message>
    <message>
        <source>Delete the scheme %1 with its steps and mapping? (Undo brings it back.)</source>
        <translation>Delete the scheme %1 with its steps and mapping? (Undo brings it back.)</translation>
    </message>
</context>
<context>
    <name>weft::ProjectPropertiesPage</name>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n connection</numerusform>
            <numerusform>%n connections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scheme(s)</source>
        <translation>
            <numerusform>%n scheme</numerusform>
            <numerusform>%n schemes</numerusform>
        </translation>
    </message>
    <message>
        <source>No alert rules: nobody is told when a scheduled run fails.</source>
        <translation>No alert rules: nobody is told when a scheduled run fails.</translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s): %1</source>
        <translation>
            <numerusform>%n rule: %1</numerusform>
            <numerusform>%n rules: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>weft::PropertiesPanel</name>
    <message numerus="yes">
        <source>%n required field(s) have no value.</source>
        <translation>
            <numerusform>%n required field has no value.</numerusform>
            <numerusform>%n required fields have no value.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a node on the canvas, a scheme or a connection to see and edit its properties here.</source>
        <translation>Select a node on the canvas, a scheme or a connection to see and edit its properties here.</translation>
    </message>
    <message>
        <source>Open the mapping editor</source>
        <translation>Open the mapping editor</translation>
    </message>
    <message>
        <source>Edit connection…</source>
        <translation>Edit connection…</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Properties</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Scheme %1</source>
        <translation>Scheme %1</translation>
    </message>
    <message>
        <source>Source of %1</source>
        <translation>Source of %1</translation>
    </message>
    <message>
        <source>Target of %1</source>
        <translation>Target of %1</translation>
    </message>
    <message>
        <source>Mapping of %1</source>
        <translation>Mapping of %1</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Step %1 of %2</translation>
    </message>
    <message>
        <source>Connection %1</source>
        <translation>Connection %1</translation>
    </message>
    <message>
        <source>%1 of %2 target fields are mapped.</source>
        <translation>%1 of %2 target fields are mapped.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Base URL</translation>
    </message>
    <message>
        <source>environment variable %1</source>
        <translation>environment variable %1</translation>
    </message>
    <message>
        <source>keychain %1</source>
        <translation>keychain %1</translation>
    </message>
    <message>
        <source>plain text (not recommended)</source>
        <translation>plain text (not recommended)</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Rate limit</translation>
    </message>
    <message>
        <source>%1/s, %2/min</source>
        <translation>%1/s, %2/min</translation>
    </message>
</context>
<context>
    <name>weft::RunCoordinator</name>
    <message>
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>%1: read %2, written %3, failed %4</source>
        <translation>%1: read %2, written %3, failed %4</translation>
    </message>
    <message>
        <source>Could not run: %1</source>
        <translation>Could not run: %1</translation>
    </message>
    <message>
        <source>A run is already going: wait for it or cancel it.</source>
        <translation>A run is already going: wait for it or cancel it.</translation>
    </message>
    <message>
        <source>The retry of %1 will start when the current run ends.</source>
        <translation>The retry of %1 will start when the current run ends.</translation>
    </message>
</context>
<context>
    <name>weft::RunHistoryModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>Scheme</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Read</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Written</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Run id</source>
        <translation>Run id</translation>
    </message>
</context>
<context>
    <name>weft::RunPanel</name>
    <message>
        <source>Could not run: %1</source>
        <translation>Could not run: %1</translation>
    </message>
    <message>
        <source>Finished: every record done.</source>
        <translation>Finished: every record done.</translation>
    </message>
    <message>
        <source>Finished with failed records: see the Failed records tab.</source>
        <translation>Finished with failed records: see the Failed records tab.</translation>
    </message>
    <message>
        <source>Stopped (exit code %1): see the log.</source>
        <translation>Stopped (exit code %1): see the log.</translation>
    </message>
    <message>
        <source>Run scheme</source>
        <translation>Run scheme</translation>
    </message>
    <message>
        <source>Run scheme %1</source>
        <translation>Run scheme %1</translation>
    </message>
    <message>
        <source>Nothing has run yet. Run the project or a scheme; progress appears here and on the canvas.</source>
        <translation>Nothing has run yet. Run the project or a scheme; progress appears here and on the canvas.</translation>
    </message>
    <message>
        <source>Total: read %1 · written %2 · skipped %3 · failed %4</source>
        <translation>Total: read %1 · written %2 · skipped %3 · failed %4</translation>
    </message>
</context>
<context>
    <name>weft::RunProgressModel</name>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>succeeded</translation>
    </message>
    <message>
        <source>finished with failures</source>
        <translation>finished with failures</translation>
    </message>
    <message>
        <source>aborted</source>
        <translation>aborted</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>preparing</source>
        <translation>preparing</translation>
    </message>
    <message>
        <source>reading window %1 of %2</source>
        <translation>reading window %1 of %2</translation>
    </message>
    <message>
        <source>reading</source>
        <translation>reading</translation>
    </message>
    <message>
        <source>writing</source>
        <translation>writing</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>Scheme</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Read</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Written</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Records/s</source>
        <translation>Records/s</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Elapsed</translation>
    </message>
</context>
<context>
    <name>weft::SampleCache</name>
    <message>
        <source>Refresh pinned sample of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin sample of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpin sample of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit pinned record %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a record to the pinned sample of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>weft::ScheduleEditor</name>
    <message>
        <source>%1 (itself)</source>
        <translation>%1 (itself)</translation>
    </message>
    <message>
        <source>%1 (no such scheme)</source>
        <translation>%1 (no such scheme)</translation>
    </message>
    <message>
        <source>(no other scheme in this project)</source>
        <translation>(no other scheme in this project)</translation>
    </message>
    <message>
        <source>Edit %1 of %2</source>
        <translation>Edit %1 of %2</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>schedule</translation>
    </message>
    <message>
        <source>interval</source>
        <translation>interval</translation>
    </message>
    <message>
        <source>cron</source>
        <translation>cron</translation>
    </message>
    <message>
        <source>run after</source>
        <translation>run after</translation>
    </message>
    <message>
        <source>Type a cron expression: until then the scheme only runs when started by hand.</source>
        <translation>Type a cron expression: until then the scheme only runs when started by hand.</translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <source>✓ A valid cron expression.</source>
        <translation>✓ A valid cron expression.</translation>
    </message>
    <message>
        <source>%1 (due now)</source>
        <translation>%1 (due now)</translation>
    </message>
    <message>
        <source>Only when started by hand.</source>
        <translation>Only when started by hand.</translation>
    </message>
    <message>
        <source>None: the cron expression is empty, invalid or never matches.</source>
        <translation>None: the cron expression is empty, invalid or never matches.</translation>
    </message>
    <message>
        <source>Times in %1.</source>
        <translation>Times in %1.</translation>
    </message>
    <message>
        <source>Counted from the start of the last run, %1.</source>
        <translation>Counted from the start of the last run, %1.</translation>
    </message>
    <message>
        <source>It never ran: due as soon as weft-run serve starts.</source>
        <translation>It never ran: due as soon as weft-run serve starts.</translation>
    </message>
    <message>
        <source>Also after each successful run of %1.</source>
        <translation>Also after each successful run of %1.</translation>
    </message>
    <message>
        <source>The scheme is disabled: weft-run serve does not run it.</source>
        <translation>The scheme is disabled: weft-run serve does not run it.</translation>
    </message>
</context>
<context>
    <name>weft::SchemeJump</name>
    <message>
        <source>%1 of %2 schemes — Enter jumps, Esc closes</source>
        <translation>%1 of %2 schemes — Enter jumps, Esc closes</translation>
    </message>
    <message>
        <source>Jump to scheme: type part of its name, title or connection</source>
        <translation>Jump to scheme: type part of its name, title or connection</translation>
    </message>
    <message>
        <source>Jump to scheme</source>
        <translation>Jump to scheme</translation>
    </message>
    <message>
        <source>Matching schemes</source>
        <translation>Matching schemes</translation>
    </message>
</context>
<context>
    <name>weft::SchemePropertiesPage</name>
    <message>
        <source>Edit %1 of %2</source>
        <translation>Edit %1 of %2</translation>
    </message>
    <message>
        <source>A scheme needs a name.</source>
        <translation>A scheme needs a name.</translation>
    </message>
    <message>
        <source>There is already a scheme named “%1”.</source>
        <translation>There is already a scheme named “%1”.</translation>
    </message>
    <message>
        <source>Rename scheme %1 to %2</source>
        <translation>Rename scheme %1 to %2</translation>
    </message>
    <message>
        <source>title</source>
        <translation>title</translation>
    </message>
    <message>
        <source>description</source>
        <translation>description</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>enabled</translation>
    </message>
    <message>
        <source>source connection</source>
        <translation>source connection</translation>
    </message>
    <message>
        <source>target connection</source>
        <translation>target connection</translation>
    </message>
    <message>
        <source>first sync</source>
        <translation>first sync</translation>
    </message>
    <message>
        <source>overlap</source>
        <translation>overlap</translation>
    </message>
    <message>
        <source>retries</source>
        <translation>retries</translation>
    </message>
    <message>
        <source>retry delay</source>
        <translation>retry delay</translation>
    </message>
    <message>
        <source>error policy</source>
        <translation>error policy</translation>
    </message>
</context>
<context>
    <name>weft::SecretField</name>
    <message>
        <source>environment variable %1</source>
        <translation>environment variable %1</translation>
    </message>
    <message>
        <source>keychain %1</source>
        <translation>keychain %1</translation>
    </message>
    <message>
        <source>plain text in file</source>
        <translation>plain text in file</translation>
    </message>
    <message>
        <source>Keep: %1</source>
        <translation>Keep: %1</translation>
    </message>
    <message>
        <source>System keychain</source>
        <translation>System keychain</translation>
    </message>
    <message>
        <source>Environment variable</source>
        <translation>Environment variable</translation>
    </message>
    <message>
        <source>secret, saved to the keychain as weft/%1</source>
        <translation>secret, saved to the keychain as weft/%1</translation>
    </message>
    <message>
        <source>variable name, e.g. JST_APP_SECRET</source>
        <translation>variable name, e.g. JST_APP_SECRET</translation>
    </message>
</context>
<context>
    <name>weft::SourceFieldModel</name>
    <message>
        <source>Source field</source>
        <translation>Source field</translation>
    </message>
    <message>
        <source>Sample value</source>
        <translation>Sample value</translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished">Label</translation>
    </message>
</context>
<context>
    <name>weft::StageTableModel</name>
    <message>
        <source>%1 of %2 rule(s) broken: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s) passed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>added %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; not found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>made of %n record(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished">failed</translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished">Result</translation>
    </message>
    <message>
        <source>Why / note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>weft::StageTableModel</name>
    <message>
        <source>%1 of %2 rule(s) broken: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s) passed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>added %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; not found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>made of %n record(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished">failed</translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished">Result</translation>
    </message>
    <message>
        <source>Why / note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>weft::StartPage</name>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A scheme reads a source system page by page, maps its fields and writes them to a target. Start with a scheme (its source, mapping and target are nodes on the canvas), add the connections it uses, or open an example to see a complete one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New scheme</source>
        <translation type="unfinished">New scheme</translation>
    </message>
    <message>
        <source>New connection…</source>
        <translation type="unfinished">New connection…</translation>
    </message>
    <message>
        <source>Open project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New integration…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>weft::StepPropertiesPage</name>
    <message>
        <source>Edit step title</source>
        <translation>Edit step title</translation>
    </message>
    <message>
        <source>Enable step</source>
        <translation>Enable step</translation>
    </message>
    <message>
        <source>Disable step</source>
        <translation>Disable step</translation>
    </message>
    <message>
        <source>Edit flatten arrays</source>
        <translation>Edit flatten arrays</translation>
    </message>
    <message>
        <source>Edit filter condition</source>
        <translation>Edit filter condition</translation>
    </message>
    <message>
        <source>%1 (not connected: does not run)</source>
        <translation>%1 (not connected: does not run)</translation>
    </message>
    <message>
        <source>Fields to add: [{&quot;field&quot;: &quot;customer_name&quot;, &quot;value&quot;: &quot;_findCollection find name from customers where number={{customer}}&quot;}]</source>
        <translation>Fields to add: [{&quot;field&quot;: &quot;customer_name&quot;, &quot;value&quot;: &quot;_findCollection find name from customers where number={{customer}}&quot;}]</translation>
    </message>
    <message>
        <source>Rules: [{&quot;field&quot;: &quot;io_id&quot;, &quot;required&quot;: true}, {&quot;field&quot;: &quot;name&quot;, &quot;maxLength&quot;: 200}, {&quot;field&quot;: &quot;mobile&quot;, &quot;pattern&quot;: &quot;^1\\d{10}$&quot;}]</source>
        <translation>Rules: [{&quot;field&quot;: &quot;io_id&quot;, &quot;required&quot;: true}, {&quot;field&quot;: &quot;name&quot;, &quot;maxLength&quot;: 200}, {&quot;field&quot;: &quot;mobile&quot;, &quot;pattern&quot;: &quot;^1\\d{10}$&quot;}]</translation>
    </message>
    <message>
        <source>Not applied: %1 at character %2.</source>
        <translation>Not applied: %1 at character %2.</translation>
    </message>
    <message>
        <source>Not applied: write a JSON array.</source>
        <translation>Not applied: write a JSON array.</translation>
    </message>
    <message>
        <source>Edit step settings</source>
        <translation>Edit step settings</translation>
    </message>
</context>
</TS>
