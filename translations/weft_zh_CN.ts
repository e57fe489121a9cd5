<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AdapterProperties</name>
    <message>
        <source>Adapter</source>
        <translation>适配器</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>API</source>
        <translation>接口</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>请求方法</translation>
    </message>
    <message>
        <source>Id field</source>
        <translation>ID 字段</translation>
    </message>
    <message>
        <source>Number field</source>
        <translation>编号字段</translation>
    </message>
    <message>
        <source>Name field</source>
        <translation>名称字段</translation>
    </message>
    <message>
        <source>Skip unchanged records (idCheck)</source>
        <translation>跳过内容未变的记录（idCheck）</translation>
    </message>
    <message>
        <source>Explode arrays (beatFlat)</source>
        <translation>展开数组（beatFlat）</translation>
    </message>
    <message>
        <source>Metadata (JSON)</source>
        <translation>元数据（JSON）</translation>
    </message>
    <message>
        <source>The whole metadata block, as the seed documents write it. Edit and apply; invalid JSON is refused.</source>
        <translation>完整的元数据块，格式与方案文档一致。编辑后点“应用”；无效的 JSON 不会被接受。</translation>
    </message>
    <message>
        <source>Apply metadata</source>
        <translation>应用元数据</translation>
    </message>
</context>
<context>
    <name>AlertChannelDialog</name>
    <message>
        <source>Alert channel</source>
        <translation>告警渠道</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>发送到</translation>
    </message>
    <message>
        <source>Address from</source>
        <translation>地址来源</translation>
    </message>
    <message>
        <source>An environment variable holding the whole URL</source>
        <translation>保存完整 URL 的环境变量</translation>
    </message>
    <message>
        <source>A URL, with ${VARIABLE} for its secret parts</source>
        <translation>URL，其中机密部分写成 ${变量}</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>Signing secret variable</source>
        <translation>加签密钥变量</translation>
    </message>
</context>
<context>
    <name>AlertsDialog</name>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Alert rules tell a group chat when unattended runs (weft-run serve) go wrong. Robots&apos; addresses and secrets are references to environment variables: their values never enter the project file. Every change here can be undone.</source>
        <translation>告警规则在无人值守的运行（weft-run serve）出问题时通知群聊。机器人的地址和密钥只引用环境变量：它们的值绝不写入项目文件。这里的每处修改都可以撤销。</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Add a rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <source>Remove the selected rule</source>
        <translation>删除所选规则</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Fires when</source>
        <translation>触发条件</translation>
    </message>
    <message>
        <source>More failed records than</source>
        <translation>异常数据超过</translation>
    </message>
    <message>
        <source>No success for</source>
        <translation>持续未成功</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Schemes</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>None checked: every scheme.</source>
        <translation>不勾选：所有方案。</translation>
    </message>
    <message>
        <source>Quiet period</source>
        <translation>静默期</translation>
    </message>
    <message>
        <source>The same rule does not fire again for the same scheme within this period.</source>
        <translation>同一规则在此期间内不会对同一方案重复告警。</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>通知渠道</translation>
    </message>
    <message>
        <source>Add a channel</source>
        <translation>添加渠道</translation>
    </message>
    <message>
        <source>Edit the selected channel</source>
        <translation>编辑所选渠道</translation>
    </message>
    <message>
        <source>Remove the selected channel</source>
        <translation>删除所选渠道</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Send test alert</source>
        <translation>发送测试告警</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
</context>
<context>
    <name>ApiUsagePanel</name>
    <message>
        <source>Period</source>
        <translation>时间范围</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>unique, e.g. jushuitan</source>
        <translation>唯一，例如 jushuitan</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>基础地址</translation>
    </message>
    <message>
        <source>Calls per second</source>
        <translation>每秒调用次数</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Calls per minute</source>
        <translation>每分钟调用次数</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Verify TLS certificates</source>
        <translation>校验 TLS 证书</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Secret fields are stored in the system keychain or read from an environment variable: never in the project file.</source>
        <translation>密钥类字段保存在系统钥匙串中，或从环境变量读取：绝不写入项目文件。</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
</context>
<context>
    <name>FailedRecordsPanel</name>
    <message>
        <source>Debug in designer</source>
        <translation>在设计器中调试</translation>
    </message>
    <message>
        <source>Pin the record&apos;s source payload as the scheme&apos;s sample and show it at the node where it failed</source>
        <translation>将该记录的源数据固定为方案的样本，并在其失败的节点处显示</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>集成方案</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <source>Fetch</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>Transform</source>
        <translation>转换</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>写入</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Open (failed, waiting)</source>
        <translation>未处理（失败、待重试）</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Waiting for retry</source>
        <translation>待重试</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <source>Run id</source>
        <translation>运行 ID</translation>
    </message>
    <message>
        <source>Search error, record id or number</source>
        <translation>搜索错误信息、记录 ID 或编号</translation>
    </message>
    <message>
        <source>Retry selected</source>
        <translation>重试所选</translation>
    </message>
    <message>
        <source>Retry all</source>
        <translation>全部重试</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Source payload (editable)</source>
        <translation>源数据（可编辑）</translation>
    </message>
    <message>
        <source>Save payload and retry</source>
        <translation>保存数据并重试</translation>
    </message>
    <message>
        <source>Target payload</source>
        <translation>目标数据</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Filter by scheme or outcome</source>
        <translation>按方案或结果筛选</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Select a run to read its log; double-click it for its failed records.</source>
        <translation>选中一次运行查看它的日志；双击查看它的异常数据。</translation>
    </message>
    <message>
        <source>The selected run&apos;s log lines, as its process kept them in the state store (any host).</source>
        <translation>选中运行的日志行，由运行它的进程保存在状态库中（任何主机）。</translation>
    </message>
</context>
<context>
    <name>LogPanel</name>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Debug</source>
        <translation>调试</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Filter (text or run id)</source>
        <translation>筛选（文本或运行 ID）</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>自动滚动</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <source>Scheme</source>
        <translation>集成方案</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>Fetch preview</source>
        <translation>获取预览</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ProjectProperties</name>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Edit alerts…</source>
        <translation>编辑告警…</translation>
    </message>
</context>
<context>
    <name>RunPanel</name>
    <message>
        <source>Run project</source>
        <translation>运行项目</translation>
    </message>
    <message>
        <source>Run scheme</source>
        <translation>运行方案</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Dry run (write nothing)</source>
        <translation>试运行（不写入）</translation>
    </message>
    <message>
        <source>Full (ignore last sync)</source>
        <translation>全量（忽略上次同步时间）</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>条数上限</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
</context>
<context>
    <name>ScheduleEditor</name>
    <message>
        <source>Schedule</source>
        <translation>调度</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行方式</translation>
    </message>
    <message>
        <source>Manually</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>Every N minutes</source>
        <translation>每隔 N 分钟</translation>
    </message>
    <message>
        <source>Cron expression</source>
        <translation>Cron 表达式</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>间隔</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Cron</source>
        <translation>Cron</translation>
    </message>
    <message>
        <source>Five fields: minute, hour, day of month, month, day of week. Each is *, a number, a range 8-20, a list 1,15 or a step */15; months and weekdays also by name (JAN, MON).</source>
        <translation>五个字段：分、时、日、月、星期。每个字段可以是 *、数字、范围 8-20、列表 1,15 或步长 */15；月份和星期也可以用英文缩写（JAN、MON）。</translation>
    </message>
    <message>
        <source>After schemes</source>
        <translation>前置方案</translation>
    </message>
    <message>
        <source>Also runs each time one of the checked schemes finishes successfully — for example, read customers before the documents that look them up.</source>
        <translation>每当勾选的某个方案运行成功后，也运行本方案——例如先读取客户，再处理要查找客户的单据。</translation>
    </message>
    <message>
        <source>Next runs</source>
        <translation>接下来的运行</translation>
    </message>
</context>
<context>
    <name>SchemeProperties</name>
    <message>
        <source>Scheme</source>
        <translation>集成方案</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>unique, e.g. purchasein</source>
        <translation>唯一，例如 purchasein</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Source connection</source>
        <translation>源连接</translation>
    </message>
    <message>
        <source>Target connection</source>
        <translation>目标连接</translation>
    </message>
    <message>
        <source>Incremental sync</source>
        <translation>增量同步</translation>
    </message>
    <message>
        <source>First run reads since</source>
        <translation>首次运行读取起点</translation>
    </message>
    <message>
        <source>Overlap</source>
        <translation>时间重叠</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Retries and errors</source>
        <translation>重试与错误</translation>
    </message>
    <message>
        <source>Retry attempts</source>
        <translation>重试次数</translation>
    </message>
    <message>
        <source>First retry after</source>
        <translation>首次重试间隔</translation>
    </message>
    <message>
        <source>Stop after failed records</source>
        <translation>异常达到多少条时停止</translation>
    </message>
    <message>
        <source>never stop</source>
        <translation>不停止</translation>
    </message>
</context>
<context>
    <name>StepProperties</name>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Arrays</source>
        <translation>数组字段</translation>
    </message>
    <message>
        <source>Each element becomes a record; its fields are named &lt;array&gt;_&lt;field&gt; and the id gets -&lt;index&gt;.</source>
        <translation>每个元素成为一条记录；其字段命名为 &lt;数组&gt;_&lt;字段&gt;，ID 追加 -&lt;序号&gt;。</translation>
    </message>
    <message>
        <source>Keep records where this is true:</source>
        <translation>保留满足以下条件的记录：</translation>
    </message>
    <message>
        <source>Example: _function {status} &lt;&gt; &apos;cancelled&apos;. Records for which it is false are counted as skipped.</source>
        <translation>示例：_function {status} &lt;&gt; &apos;cancelled&apos;。不满足条件的记录计为跳过。</translation>
    </message>
    <message>
        <source>Apply settings</source>
        <translation>应用设置</translation>
    </message>
</context>
<context>
    <name>weft</name>
    <message>
        <source>Add connection %1</source>
        <translation>添加连接 %1</translation>
    </message>
    <message>
        <source>Edit connection %1</source>
        <translation>编辑连接 %1</translation>
    </message>
    <message>
        <source>Rename connection</source>
        <translation>重命名连接</translation>
    </message>
</context>
<context>
    <name>weft::AccountFields</name>
    <message>
        <source>App key</source>
        <translation>App Key</translation>
    </message>
    <message>
        <source>App secret</source>
        <translation>App Secret</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>访问令牌</translation>
    </message>
    <message>
        <source>Refresh token</source>
        <translation>刷新令牌</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client ID</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Client Secret</translation>
    </message>
    <message>
        <source>X-GW-Router-Addr</source>
        <translation>X-GW-Router-Addr</translation>
    </message>
    <message>
        <source>Account set ID (acctId)</source>
        <translation>账套 ID（acctId）</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Login method (appSecret | password)</source>
        <translation>登录方式（appSecret | password）</translation>
    </message>
    <message>
        <source>App ID</source>
        <translation>应用 ID</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Language (lcid)</source>
        <translation>语言（lcid）</translation>
    </message>
    <message>
        <source>Authentication (none | bearer | basic | header)</source>
        <translation>认证方式（none | bearer | basic | header）</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Header name</source>
        <translation>请求头名称</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
</context>
<context>
    <name>weft::AdapterPropertiesPage</name>
    <message>
        <location filename="../src/widgets/mainwindow/adapterpropertiespage.cpp" line="29"/>
        <source>Edit as JSON</source>
        <translation>以 JSON 编辑</translation>
    </message>
    <message>
        <source>api</source>
        <translation>接口</translation>
    </message>
    <message>
        <source>id field</source>
        <translation>ID 字段</translation>
    </message>
    <message>
        <source>number field</source>
        <translation>编号字段</translation>
    </message>
    <message>
        <source>name field</source>
        <translation>名称字段</translation>
    </message>
    <message>
        <source>method</source>
        <translation>请求方法</translation>
    </message>
    <message>
        <source>connection</source>
        <translation>连接</translation>
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
        <translation>源</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Edit source %1</source>
        <translation>编辑源的%1</translation>
    </message>
    <message>
        <source>Edit target %1</source>
        <translation>编辑目标的%1</translation>
    </message>
    <message>
        <source>Not applied: %1 at character %2.</source>
        <translation>未应用：第 %2 个字符处%1。</translation>
    </message>
    <message>
        <source>Not applied: the metadata must be a JSON object.</source>
        <translation>未应用：元数据必须是 JSON 对象。</translation>
    </message>
    <message>
        <source>metadata</source>
        <translation>元数据</translation>
    </message>
</context>
<context>
    <name>weft::CatalogAdapterForm</name>
    <message>
        <location filename="../src/widgets/mainwindow/catalogadapterform.cpp" line="1"/>
        <source>Catalogue endpoint</source>
        <translation>目录接口</translation>
    </message>
    <message>
        <location filename="../src/widgets/mainwindow/catalogadapterform.cpp" line="1"/>
        <source>&amp;Endpoint:</source>
        <translation>接口(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../src/widgets/mainwindow/catalogadapterform.cpp" line="1"/>
        <source>Type to search the catalogue by title or api path. Choosing an endpoint replaces the metadata with the catalogue&apos;s (values of fields both have are kept).</source>
        <translation>输入标题或 api 路径搜索目录。选择接口会用目录中的元数据替换当前元数据（两者都有的字段保留其值）。</translation>
    </message>
    <message>
        <location filename="../src/widgets/mainwindow/catalogadapterform.cpp" line="1"/>
        <source>Request parameters (double-click a value to edit it):</source>
        <translation>请求参数（双击值进行编辑）：</translation>
    </message>
    <message>
        <location filename="../src/widgets/mainwindow/catalogadapterform.cpp" line="1"/>
        <source>Label</source>
        <translation>显示名</translation>
    </message>
    <message>
        <location filename="../src/widgets/mainwindow/catalogadapterform.cpp" line="1"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../src/widgets/mainwindow/catalogadapterform.cpp" line="1"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../src/widgets/mainwindow/catalogadapterform.cpp" line="1"/>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../src/widgets/mainwindow/catalogadapterform.cpp" line="1"/>
        <source>Value or template</source>
        <translation>值或模板</translation>
    </message>
    <message>
        <location filename="../src/widgets/mainwindow/catalogadapterform.cpp" line="1"/>
        <source>(not bound to the catalogue)</source>
        <translation>（未绑定目录）</translation>
    </message>
    <message>
        <location filename="../src/widgets/mainwindow/catalogadapterform.cpp" line="1"/>
        <source>%1 %2 · %3 · documented at %4</source>
        <translation>%1 %2 · %3 · 文档：%4</translation>
    </message>
    <message>
        <location filename="../src/widgets/mainwindow/catalogadapterform.cpp" line="1"/>
        <source>query</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../src/widgets/mainwindow/catalogadapterform.cpp" line="1"/>
        <source>save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../src/widgets/mainwindow/catalogadapterform.cpp" line="1"/>
        <source>pages by %1</source>
        <translation>按 %1 分页</translation>
    </message>
    <message>
        <location filename="../src/widgets/mainwindow/catalogadapterform.cpp" line="1"/>
        <source>%1 records per page</source>
        <translation>每页 %1 条</translation>
    </message>
    <message>
        <location filename="../src/widgets/mainwindow/catalogadapterform.cpp" line="1"/>
        <source>at most %1</source>
        <translation>最多 %1 条</translation>
    </message>
    <message>
        <location filename="../src/widgets/mainwindow/catalogadapterform.cpp" line="1"/>
        <source>no paging</source>
        <translation>不分页</translation>
    </message>
    <message>
        <location filename="../src/widgets/mainwindow/catalogadapterform.cpp" line="1"/>
        <source>window %1 … %2</source>
        <translation>时间窗口 %1 … %2</translation>
    </message>
    <message>
        <location filename="../src/widgets/mainwindow/catalogadapterform.cpp" line="1"/>
        <source>at most %1 days</source>
        <translation>最长 %1 天</translation>
    </message>
    <message>
        <location filename="../src/widgets/mainwindow/catalogadapterform.cpp" line="1"/>
        <source>Paging: %1</source>
        <translation>分页：%1</translation>
    </message>
    <message>
        <location filename="../src/widgets/mainwindow/catalogadapterform.cpp" line="1"/>
        <source>Not a parameter of this endpoint in the catalogue.</source>
        <translation>目录中该接口没有这个参数。</translation>
    </message>
    <message>
        <location filename="../src/widgets/mainwindow/catalogadapterform.cpp" line="1"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../src/widgets/mainwindow/catalogadapterform.cpp" line="1"/>
        <source>catalogue endpoint</source>
        <translation>目录接口</translation>
    </message>
    <message>
        <location filename="../src/widgets/mainwindow/catalogadapterform.cpp" line="1"/>
        <source>parameter %1</source>
        <translation>参数 %1</translation>
    </message>
    <message>
        <location filename="../src/widgets/mainwindow/catalogadapterform.cpp" line="1"/>
        <source>Edit source %1</source>
        <translation>编辑源的%1</translation>
    </message>
    <message>
        <location filename="../src/widgets/mainwindow/catalogadapterform.cpp" line="1"/>
        <source>Edit target %1</source>
        <translation>编辑目标的%1</translation>
    </message>
</context>
<context>
    <name>weft::AlertChannelDialog</name>
    <message>
        <source>DingTalk group robot</source>
        <translation>钉钉群机器人</translation>
    </message>
    <message>
        <source>WeCom group robot</source>
        <translation>企业微信群机器人</translation>
    </message>
    <message>
        <source>JSON webhook</source>
        <translation>JSON Webhook</translation>
    </message>
    <message>
        <source>variable %1</source>
        <translation>变量 %1</translation>
    </message>
    <message>
        <source>keychain %1 (not readable by alerts)</source>
        <translation>钥匙串 %1（告警无法读取）</translation>
    </message>
    <message>
        <source>plain text (hidden)</source>
        <translation>明文（已隐藏）</translation>
    </message>
    <message>
        <source>“%1” is not a variable name (letters, digits and _).</source>
        <translation>“%1”不是变量名（只能用字母、数字和 _）。</translation>
    </message>
    <message>
        <source>Alerts cannot read the keychain (weft-run serve runs without a desktop session): use an environment variable.</source>
        <translation>告警无法读取钥匙串（weft-run serve 在没有桌面会话的情况下运行）：请使用环境变量。</translation>
    </message>
    <message>
        <source>The address is stored as plain text: use an environment variable.</source>
        <translation>地址以明文保存：请使用环境变量。</translation>
    </message>
    <message>
        <source>Give the webhook&apos;s address, or the variable that holds it.</source>
        <translation>请填写 Webhook 地址，或保存它的环境变量。</translation>
    </message>
    <message>
        <source>The address has a malformed ${…} reference: %1</source>
        <translation>地址中的 ${…} 引用格式不对：%1</translation>
    </message>
    <message>
        <source>A robot&apos;s webhook carries its access token, a secret: write the token as ${VARIABLE}, or take the whole address from an environment variable.</source>
        <translation>机器人的 Webhook 含有访问令牌，属于机密：请把令牌写成 ${变量}，或从环境变量读取整个地址。</translation>
    </message>
    <message>
        <source>The address is not an http:// or https:// URL.</source>
        <translation>地址不是 http:// 或 https:// 开头的 URL。</translation>
    </message>
    <message>
        <source>The address holds a password: write it as ${VARIABLE}.</source>
        <translation>地址中含有密码：请写成 ${变量}。</translation>
    </message>
    <message>
        <source>The URL parameter “%1” is a secret: write it as ${VARIABLE} and set the variable where the project runs.</source>
        <translation>URL 参数“%1”属于机密：请写成 ${变量}，并在项目运行的地方设置该变量。</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
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
        <translation>钉钉：群设置 → 机器人 → 添加自定义机器人。开启“加签”后，填写保存其密钥（SEC…）的变量；Weft 会在每条消息上附加 timestamp 和 sign。</translation>
    </message>
    <message>
        <source>WeCom: group settings → add a group robot. Its webhook URL ends in ?key=…, and that key is the secret.</source>
        <translation>企业微信：群设置 → 添加群机器人。它的 Webhook 地址以 ?key=… 结尾，这个 key 就是机密。</translation>
    </message>
    <message>
        <source>Weft POSTs a JSON object: the rule, scheme, run id, outcome, counters and message.</source>
        <translation>Weft 以 POST 发送一个 JSON 对象：规则、方案、运行 ID、结果、计数和消息。</translation>
    </message>
    <message>
        <source>The project holds: %1</source>
        <translation>项目中保存的是：%1</translation>
    </message>
    <message>
        <source>Not set in this session: %1 — set it where weft-run serve runs (and here, to send a test alert).</source>
        <translation>当前会话未设置：%1——请在运行 weft-run serve 的地方设置（要在这里发送测试告警，也需在此设置）。</translation>
    </message>
</context>
<context>
    <name>weft::AlertsDialog</name>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>condition</source>
        <translation>触发条件</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>period</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>quiet period</source>
        <translation>静默期</translation>
    </message>
    <message>
        <source>schemes</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Edit %1 of alert %2</source>
        <translation>编辑告警 %2 的%1</translation>
    </message>
    <message>
        <source>run failed</source>
        <translation>运行失败</translation>
    </message>
    <message>
        <source>run failed %1</source>
        <translation>运行失败 %1</translation>
    </message>
    <message>
        <source>Add alert %1</source>
        <translation>添加告警 %1</translation>
    </message>
    <message>
        <source>Delete alert %1</source>
        <translation>删除告警 %1</translation>
    </message>
    <message>
        <source>channels (add %1)</source>
        <translation>渠道（添加%1）</translation>
    </message>
    <message>
        <source>channel %1</source>
        <translation>渠道 %1</translation>
    </message>
    <message>
        <source>channels (remove one)</source>
        <translation>渠道（删除一个）</translation>
    </message>
    <message>
        <source>The rule needs a name.</source>
        <translation>规则需要名称。</translation>
    </message>
    <message>
        <source>Another rule is also named “%1”.</source>
        <translation>另一条规则也叫“%1”。</translation>
    </message>
    <message>
        <source>“%1” is no condition Weft knows.</source>
        <translation>Weft 不认识触发条件“%1”。</translation>
    </message>
    <message>
        <source>Say after how many minutes without a successful run it fires.</source>
        <translation>请填写持续多少分钟未成功运行后告警。</translation>
    </message>
    <message>
        <source>There is no scheme “%1” in the project.</source>
        <translation>项目中没有方案“%1”。</translation>
    </message>
    <message>
        <source>Add a channel: the rule has nobody to tell.</source>
        <translation>请添加通知渠道：这条规则还没有通知对象。</translation>
    </message>
    <message>
        <source>its signing secret must be an environment variable.</source>
        <translation>加签密钥必须来自环境变量。</translation>
    </message>
    <message>
        <source>Channel %1 (%2): %3</source>
        <translation>渠道 %1（%2）：%3</translation>
    </message>
    <message>
        <source>A run failed (aborted)</source>
        <translation>运行失败（中止）</translation>
    </message>
    <message>
        <source>A run ended with more failed records than a threshold</source>
        <translation>一次运行的异常数据超过阈值</translation>
    </message>
    <message>
        <source>No successful run for a while</source>
        <translation>一段时间内没有成功运行</translation>
    </message>
    <message>
        <source>A system refused the credentials</source>
        <translation>系统拒绝了登录凭据</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Signing secret</source>
        <translation>加签密钥</translation>
    </message>
    <message>
        <source>Last test</source>
        <translation>上次测试</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <source>This rule cannot fire yet: see its problems.</source>
        <translation>这条规则还无法触发：请查看它的问题。</translation>
    </message>
    <message>
        <source>%1 (no such scheme)</source>
        <translation>%1（没有这个方案）</translation>
    </message>
    <message>
        <source>(not signed)</source>
        <translation>（未加签）</translation>
    </message>
    <message>
        <source>✓ delivered</source>
        <translation>✓ 已送达</translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <source>No rules yet: add one.</source>
        <translation>还没有规则：请添加一条。</translation>
    </message>
    <message>
        <source>Fix the rule&apos;s problems to send a test.</source>
        <translation>请先解决规则的问题，再发送测试。</translation>
    </message>
    <message>
        <source>Sends a test message through every channel of this rule, now.</source>
        <translation>立即通过这条规则的每个渠道发送一条测试消息。</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>%1. %2: %3</source>
        <translation>%1. %2：%3</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>%1 of %2 channel(s) delivered the test message.</source>
        <translation>%2 个渠道中有 %1 个送达了测试消息。</translation>
    </message>
</context>
<context>
    <name>weft::ApiUsageModel</name>
    <message>
        <source>%1 (%2%)</source>
        <translation>%1（%2%）</translation>
    </message>
    <message>
        <source>Calls the system answered with “too many requests” (waited out and repeated)</source>
        <translation>系统以“请求过多”回应的调用（已等待后重试）</translation>
    </message>
    <message>
        <source>Latency: half (p50) and 95 % (p95) of the calls took at most this long (upper bound of a histogram bucket)</source>
        <translation>耗时：一半（p50）和 95%（p95）的调用不超过此时长（直方图分桶的上限）</translation>
    </message>
    <message>
        <source>Records the calls brought, on average</source>
        <translation>每次调用平均带回的记录数</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>接口</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>调用次数</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Error codes</source>
        <translation>错误码</translation>
    </message>
    <message>
        <source>Throttled</source>
        <translation>被限流</translation>
    </message>
    <message>
        <source>p50 ms</source>
        <translation>p50 毫秒</translation>
    </message>
    <message>
        <source>p95 ms</source>
        <translation>p95 毫秒</translation>
    </message>
    <message>
        <source>Rec./call</source>
        <translation>记录/次</translation>
    </message>
</context>
<context>
    <name>weft::ApiUsagePanel</name>
    <message>
        <source>Save the project first: its state store counts every API call of runs and previews.</source>
        <translation>请先保存项目：它的状态库会统计运行和预览的每次 API 调用。</translation>
    </message>
    <message>
        <source>Calls: %1 · errors: %2 · throttled: %3 (counted per hour in the state store)</source>
        <translation>调用：%1 · 错误：%2 · 被限流：%3（状态库按小时统计）</translation>
    </message>
    <message>
        <source>No API calls in this period</source>
        <translation>此时间范围内没有 API 调用</translation>
    </message>
    <message numerus="yes">
        <source>Calls and errors of the %n busiest endpoint(s)</source>
        <translation>
            <numerusform>调用最多的 %n 个接口的调用次数和错误</numerusform>
        </translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>调用次数</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>%1
%2 calls, %3 errors</source>
        <translation>%1
调用 %2 次，错误 %3 次</translation>
    </message>
</context>
<context>
    <name>weft::BottomPanel</name>
    <message>
        <source>Node data</source>
        <translation>节点数据</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Failed records</source>
        <translation>异常数据</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>API usage</source>
        <translation>API 调用</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>运行监控</translation>
    </message>
</context>
<context>
    <name>weft::Commands</name>
    <message>
        <source>Delete scheme %1</source>
        <translation>删除方案 %1</translation>
    </message>
    <message>
        <source>Edit project settings</source>
        <translation>编辑项目设置</translation>
    </message>
</context>
<context>
    <name>weft::ConnectionDialog</name>
    <message>
        <source>Jushuitan (聚水潭)</source>
        <translation>聚水潭</translation>
    </message>
    <message>
        <source>Kingdee JDY (金蝶云星辰)</source>
        <translation>金蝶云星辰</translation>
    </message>
    <message>
        <source>Kingdee K3Cloud (金蝶云星空)</source>
        <translation>金蝶云星空</translation>
    </message>
    <message>
        <source>DingTalk (钉钉)</source>
        <translation>钉钉</translation>
    </message>
    <message>
        <source>Any JSON HTTP API</source>
        <translation>通用 JSON HTTP 接口</translation>
    </message>
    <message>
        <source>MySQL / MariaDB</source>
        <translation>MySQL / MariaDB</translation>
    </message>
    <message>
        <source>Local store (Weft&apos;s state store)</source>
        <translation>本地存储（Weft 状态库）</translation>
    </message>
    <message>
        <source>Connection %1</source>
        <translation>连接 %1</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>新建连接</translation>
    </message>
    <message>
        <source>Give the connection a name.</source>
        <translation>请为连接填写名称。</translation>
    </message>
    <message>
        <source>There is already a connection named “%1”.</source>
        <translation>已存在名为“%1”的连接。</translation>
    </message>
    <message>
        <source>Give the base URL of the system.</source>
        <translation>请填写系统的基础地址。</translation>
    </message>
    <message>
        <source>Fill in %1.</source>
        <translation>请填写%1。</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <source>Saving secrets to the keychain…</source>
        <translation>正在把密钥保存到钥匙串…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The keychain could not store the secret (%1). Use an environment variable instead, or unlock the keychain and try again.</source>
        <translation>钥匙串无法保存密钥（%1）。请改用环境变量，或解锁钥匙串后重试。</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>weft::ConnectionTester</name>
    <message>
        <source>The local store needs no connection.</source>
        <translation>本地存储无需连接。</translation>
    </message>
    <message>
        <source>Could not log in to MySQL: %1</source>
        <translation>无法登录 MySQL：%1</translation>
    </message>
    <message>
        <source>Connected to MySQL %1 (database %2) in %3 ms.</source>
        <translation>已连接 MySQL %1（数据库 %2），用时 %3 毫秒。</translation>
    </message>
    <message>
        <source>The base URL “%1” is not a valid http(s) address.</source>
        <translation>基础地址“%1”不是有效的 http(s) 地址。</translation>
    </message>
    <message>
        <source>%1 answered (HTTP %2) in %3 ms; the account settings resolve.</source>
        <translation>%1 已响应（HTTP %2），用时 %3 毫秒；账号设置均可解析。</translation>
    </message>
    <message>
        <source>%1 did not answer: %2</source>
        <translation>%1 没有响应：%2</translation>
    </message>
</context>
<context>
    <name>weft::EditorTabs</name>
    <message>
        <source>Mapping: %1</source>
        <translation>字段映射：%1</translation>
    </message>
    <message>
        <source>Canvas</source>
        <translation>画布</translation>
    </message>
</context>
<context>
    <name>weft::EndpointPicker</name>
    <message>
        <source>System:</source>
        <translation>系统：</translation>
    </message>
    <message>
        <source>Search by title (中文 or English), API path or field</source>
        <translation>按标题（中文或英文）、接口路径或字段搜索</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>接口</translation>
    </message>
    <message>
        <source>API</source>
        <translation>接口路径</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>All systems</source>
        <translation>全部系统</translation>
    </message>
    <message>
        <source>Matched: %1</source>
        <translation>匹配：%1</translation>
    </message>
    <message>
        <source>No endpoint matches.</source>
        <translation>没有匹配的接口。</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> 等另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2 %3
Fields: %4</source>
        <translation>%1 — %2 %3
字段：%4</translation>
    </message>
</context>
<context>
    <name>weft::EnvironmentSwitcher</name>
    <message>
        <source> · %1</source>
        <translation> · %1</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>环境(&amp;E)：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>The project has no environments: add them in the project&apos;s properties.</source>
        <translation>项目还没有环境：请在项目属性中添加。</translation>
    </message>
    <message>
        <source>Runs and previews use this environment&apos;s variables and secrets.</source>
        <translation>运行和预览使用此环境的变量和密钥。</translation>
    </message>
    <message>
        <source>Switch to environment %1</source>
        <translation>切换到环境 %1</translation>
    </message>
</context>
<context>
    <name>weft::EnvironmentsEditor</name>
    <message>
        <source>Environments</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Make active</source>
        <translation>设为当前</translation>
    </message>
    <message>
        <source>Add variable</source>
        <translation>添加变量</translation>
    </message>
    <message>
        <source>Remove variable</source>
        <translation>删除变量</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Given as</source>
        <translation>给出方式</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Double-click a name to rename it. The active environment (bold) is the one runs and previews use.</source>
        <translation>双击名称可改名。当前环境（粗体）就是运行和预览所用的环境。</translation>
    </message>
    <message>
        <source>Active: runs and previews use it</source>
        <translation>当前环境：运行和预览使用它</translation>
    </message>
    <message>
        <source>Variables of %1 (they override the process environment&apos;s):</source>
        <translation>%1 的变量（优先于进程的环境变量）：</translation>
    </message>
    <message>
        <source>No environments: connections read ${NAME} from the process environment. Add one per account (测试, 生产).</source>
        <translation>没有环境：连接从进程的环境变量读取 ${NAME}。请为每个账号添加一个环境（测试、生产）。</translation>
    </message>
    <message>
        <source>Environment variable</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <source>Keychain entry</source>
        <translation>钥匙串条目</translation>
    </message>
    <message>
        <source>Plain secret</source>
        <translation>明文密钥</translation>
    </message>
    <message>
        <source>Change how %1 is given</source>
        <translation>更改 %1 的给出方式</translation>
    </message>
    <message>
        <source>Two variables cannot have the same name.</source>
        <translation>两个变量不能同名。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be a variable name: use letters, digits and _, not starting with a digit.</source>
        <translation>“%1” 不能作为变量名：请使用字母、数字和 _，且不以数字开头。</translation>
    </message>
    <message>
        <source>Rename variable %1</source>
        <translation>重命名变量 %1</translation>
    </message>
    <message>
        <source>Edit variable %1</source>
        <translation>编辑变量 %1</translation>
    </message>
    <message>
        <source>An environment needs a name.</source>
        <translation>环境需要一个名称。</translation>
    </message>
    <message>
        <source>There is an environment %1 already.</source>
        <translation>已经有名为 %1 的环境。</translation>
    </message>
    <message>
        <source>Rename environment %1 to %2</source>
        <translation>将环境 %1 重命名为 %2</translation>
    </message>
    <message>
        <source>New environment</source>
        <translation>新环境</translation>
    </message>
    <message>
        <source>Add environment %1</source>
        <translation>添加环境 %1</translation>
    </message>
    <message>
        <source>Remove environment %1</source>
        <translation>删除环境 %1</translation>
    </message>
    <message>
        <source>Switch to environment %1</source>
        <translation>切换到环境 %1</translation>
    </message>
    <message>
        <source>Add variable %1</source>
        <translation>添加变量 %1</translation>
    </message>
    <message>
        <source>Remove variable %1</source>
        <translation>删除变量 %1</translation>
    </message>
</context>
<context>
    <name>weft::ExpressionField</name>
    <message>
        <source>No value: the field is not sent.</source>
        <translation>无值：该字段不会发送。</translation>
    </message>
    <message>
        <source>OK. Run a preview to see the value for a sample record.</source>
        <translation>正确。运行预览即可看到样例记录的取值。</translation>
    </message>
    <message>
        <source>For %1: %2</source>
        <translation>%1 的值：%2</translation>
    </message>
</context>
<context>
    <name>weft::ExpressionLexer</name>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Field template</source>
        <translation>字段模板</translation>
    </message>
    <message>
        <source>Value prefix</source>
        <translation>取值前缀</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>函数</translation>
    </message>
    <message>
        <source>Keyword</source>
        <translation>关键字</translation>
    </message>
    <message>
        <source>String</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>运算符</translation>
    </message>
</context>
<context>
    <name>weft::FailedRecordsModel</name>
    <message>
        <source>fetch</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>transform</source>
        <translation>转换</translation>
    </message>
    <message>
        <source>write</source>
        <translation>写入</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>waiting for retry</source>
        <translation>待重试</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>集成方案</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Record id</source>
        <translation>记录 ID</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>错误码</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last attempt</source>
        <translation>最近尝试</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>单据编号</translation>
    </message>
</context>
<context>
    <name>weft::FailedRecordsPanel</name>
    <message>
        <source>Export failed records</source>
        <translation>导出异常数据</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Not valid JSON</source>
        <translation>不是有效的 JSON</translation>
    </message>
    <message>
        <source>All schemes</source>
        <translation>全部方案</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>%1 record(s)</source>
        <translation>%1 条记录</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>[%1] %2</source>
        <translation>[%1] %2</translation>
    </message>
    <message>
        <source>Record %1 · scheme %2 · run %3 · attempt %4</source>
        <translation>记录 %1 · 方案 %2 · 运行 %3 · 第 %4 次尝试</translation>
    </message>
    <message>
        <source>(not mapped: the record failed before the target payload was made)</source>
        <translation>（未映射：记录在生成目标数据之前就失败了）</translation>
    </message>
    <message>
        <source>A retry runs one scheme: retrying the records of %1 first.</source>
        <translation>一次重试只处理一个方案：先重试 %1 的记录。</translation>
    </message>
    <message>
        <source>No open failed records to retry.</source>
        <translation>没有待处理的异常数据可重试。</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) ignored.</source>
        <translation>
            <numerusform>已忽略 %n 条记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not mark the records ignored.</source>
        <translation>无法把记录标记为已忽略。</translation>
    </message>
    <message>
        <source>The source payload is not a JSON object: fix it before retrying.</source>
        <translation>源数据不是 JSON 对象：请先修正再重试。</translation>
    </message>
    <message>
        <source>Could not save the edited payload.</source>
        <translation>无法保存修改后的数据。</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message numerus="yes">
        <source>Reading the %n selected record(s)…</source>
        <translation>
            <numerusform>正在读取所选的 %n 条记录…</numerusform>
        </translation>
    </message>
    <message>
        <source>The selected records are no longer in the list.</source>
        <translation>所选记录已不在列表中。</translation>
    </message>
</context>
<context>
    <name>weft::HistoryPanel</name>
    <message>
        <source>No log lines are kept for this run (runs of versions before this one, or previews, keep none).</source>
        <translation>这次运行没有保存日志行（旧版本的运行和预览不保存日志）。</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>数据质量</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
</context>
<context>
    <name>weft::JsonTreeModel</name>
    <message numerus="yes">
        <source>{%n field(s)}</source>
        <translation>
            <numerusform>{%n 个字段}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n item(s)]</source>
        <translation>
            <numerusform>[%n 项]</numerusform>
        </translation>
    </message>
    <message>
        <source>object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>array</source>
        <translation>数组</translation>
    </message>
    <message>
        <source>string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>bool</source>
        <translation>布尔</translation>
    </message>
    <message>
        <source>null</source>
        <translation>空</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
</context>
<context>
    <name>weft::LogModel</name>
    <message>
        <source>trace</source>
        <translation>跟踪</translation>
    </message>
    <message>
        <source>debug</source>
        <translation>调试</translation>
    </message>
    <message>
        <source>info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>weft::MainActions</name>
    <message>
        <source>&amp;New project</source>
        <translation>新建项目(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销“%1”(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做“%1”(&amp;R)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Find scheme or connection</source>
        <translation>查找方案或连接(&amp;F)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Actual &amp;size</source>
        <translation>实际大小(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Fit to view</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Auto-layout</source>
        <translation>自动布局(&amp;A)</translation>
    </message>
    <message>
        <source>New &amp;connection…</source>
        <translation>新建连接(&amp;C)…</translation>
    </message>
    <message>
        <source>New &amp;scheme</source>
        <translation>新建方案(&amp;S)</translation>
    </message>
    <message>
        <source>Edit &amp;mapping</source>
        <translation>编辑字段映射(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Run project</source>
        <translation>运行项目(&amp;R)</translation>
    </message>
    <message>
        <source>Run &amp;scheme</source>
        <translation>运行方案(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Cancel run</source>
        <translation>取消运行(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;About Weft</source>
        <translation>关于 Weft(&amp;A)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>项目(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Alerts…</source>
        <translation>告警(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Jump to scheme…</source>
        <translation>跳转到方案(&amp;J)…</translation>
    </message>
    <message>
        <source>O&amp;verview</source>
        <translation>概览图(&amp;V)</translation>
    </message>
    <message>
        <source>New &amp;integration…</source>
        <translation>新建集成(&amp;I)…</translation>
    </message>
    <message>
        <source>Open server &amp;state…</source>
        <translation>打开服务器状态库(&amp;S)…</translation>
    </message>
    <message>
        <source>Work on the shared state store of the servers (a MySQL URL) for this session: history, failed records, API usage and operations of every host</source>
        <translation>本次会话使用服务器共享的状态库（MySQL URL）：所有主机的运行历史、异常数据、API 用量和运行监控</translation>
    </message>
    <message>
        <source>Use the project&apos;s state store</source>
        <translation>使用项目的状态库</translation>
    </message>
</context>
<context>
    <name>weft::MainWindow</name>
    <message>
        <source>Scheme %1 is not in this project: open the project it belongs to.</source>
        <translation>集成方案 %1 不在本项目中：请打开它所属的项目。</translation>
    </message>
    <message>
        <source>Record %1 of %2 is the pinned sample now: fix the scheme, then retry it in Failed records (undo restores the sample before).</source>
        <translation>%2 的记录 %1 现已是固定样本：修正方案后，在“异常数据”中重试（撤销可恢复之前的样本）。</translation>
    </message>
    <message>
        <source>Reading %1 failed: there is no record to pin; the source is shown.</source>
        <translation>读取 %1 失败：没有可固定的记录，显示的是数据源。</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>The pinned samples were not saved: %1</source>
        <translation>固定样本未保存：%1</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Weft projects (*.weft.json *.json)</source>
        <translation>Weft 项目 (*.weft.json *.json)</translation>
    </message>
    <message>
        <source>About Weft</source>
        <translation>关于 Weft</translation>
    </message>
    <message>
        <source>&lt;b&gt;Weft %1&lt;/b&gt;&lt;br&gt;A desktop integration designer for Chinese business systems: Jushuitan, Kingdee JDY and K3Cloud, DingTalk, MySQL and any JSON HTTP API.</source>
        <translation>&lt;b&gt;Weft %1&lt;/b&gt;&lt;br&gt;面向国内业务系统的桌面集成设计器：聚水潭、金蝶云星辰与云星空、钉钉、MySQL 以及任意 JSON HTTP 接口。</translation>
    </message>
    <message>
        <source>Edit mapping</source>
        <translation>编辑字段映射</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Run scheme</source>
        <translation>运行方案</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Zoom %1%</source>
        <translation>缩放 %1%</translation>
    </message>
    <message>
        <source>Showing the failed records and log lines of run %1.</source>
        <translation>正在显示运行 %1 的异常数据和日志。</translation>
    </message>
    <message>
        <source>%1 error(s), %2 warning(s)</source>
        <translation>%1 个错误，%2 个警告</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Nodes (drag onto the canvas)</source>
        <translation>节点（拖到画布上）</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Run and results</source>
        <translation>运行与结果</translation>
    </message>
    <message>
        <source>Language: %1</source>
        <translation>语言：%1</translation>
    </message>
    <message>
        <source>%1[*] — Weft</source>
        <translation>%1[*] — Weft</translation>
    </message>
    <message>
        <source>Select a scheme first (in the project explorer or on the canvas).</source>
        <translation>请先选择一个方案（在项目浏览器或画布上）。</translation>
    </message>
    <message>
        <source>state: %1 (cannot be opened)</source>
        <translation>状态库：%1（无法打开）</translation>
    </message>
    <message>
        <source>state: %1</source>
        <translation>状态库：%1</translation>
    </message>
</context>
<context>
    <name>weft::MappingEditor</name>
    <message numerus="yes">
        <source>Auto-map: %n field(s) mapped by name.</source>
        <translation>
            <numerusform>自动映射：按名称映射了 %n 个字段。</numerusform>
        </translation>
    </message>
    <message>
        <source>Auto-map: no unmapped target field has a source field of the same name.</source>
        <translation>自动映射：没有未映射的目标字段能找到同名的源字段。</translation>
    </message>
    <message>
        <source>Columns of table %1 read from the database: %2.</source>
        <translation>已从数据库读取表 %1 的列：%2 列。</translation>
    </message>
    <message>
        <source>Columns of table %1 could not be read: %2</source>
        <translation>无法读取表 %1 的列：%2</translation>
    </message>
    <message>
        <source>Reading the columns of table %1…</source>
        <translation>正在读取表 %1 的列…</translation>
    </message>
    <message>
        <source>Mapping of %1</source>
        <translation>%1 的字段映射</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>字段映射</translation>
    </message>
    <message>
        <source>Sample record</source>
        <translation>样例记录</translation>
    </message>
    <message>
        <source>Search source fields</source>
        <translation>搜索源字段</translation>
    </message>
    <message>
        <source>Search target fields</source>
        <translation>搜索目标字段</translation>
    </message>
    <message>
        <source>Unmapped only</source>
        <translation>只看未映射</translation>
    </message>
    <message>
        <source>Auto-map</source>
        <translation>自动映射</translation>
    </message>
    <message>
        <source>Map every unmapped target field to the source field of the same name</source>
        <translation>把每个未映射的目标字段映射到同名的源字段</translation>
    </message>
    <message>
        <source>Clear selected</source>
        <translation>清除所选</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>全部清除</translation>
    </message>
    <message>
        <source>Parser</source>
        <translation>解析器</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>params</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>params2</source>
        <translation>参数 2</translation>
    </message>
    <message>
        <source>Source field</source>
        <translation>源字段</translation>
    </message>
    <message>
        <source>Sample value</source>
        <translation>样例值</translation>
    </message>
    <message>
        <source>Drag fields onto a target field to map them; several at once make a composite value. Drop on empty space to map by name.</source>
        <translation>把字段拖到目标字段上即可映射；一次拖多个字段会组成复合值。拖到空白处则按名称映射。</translation>
    </message>
    <message>
        <source>%1 of %2 fields mapped</source>
        <translation>已映射 %1 / %2 个字段</translation>
    </message>
    <message numerus="yes">
        <source>%n required field(s) not mapped</source>
        <translation>
            <numerusform>%n 个必填字段未映射</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Fetch sample</source>
        <translation>获取样例</translation>
    </message>
    <message>
        <source>Fetching a sample…</source>
        <translation>正在获取样例…</translation>
    </message>
    <message>
        <source>Sample failed: %1</source>
        <translation>获取样例失败：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n sample record(s)</source>
        <translation>
            <numerusform>%n 条样例记录</numerusform>
        </translation>
    </message>
    <message>
        <source>No sample yet</source>
        <translation>尚无样例</translation>
    </message>
    <message>
        <source>record %1</source>
        <translation>记录 %1</translation>
    </message>
    <message>
        <source>%1 is built from its fields below.</source>
        <translation>%1 由下面的子字段组成。</translation>
    </message>
    <message>
        <source>Select a target field to edit its value.</source>
        <translation>选择一个目标字段以编辑它的取值。</translation>
    </message>
    <message>
        <source>Value of %1</source>
        <translation>%1 的取值</translation>
    </message>
    <message>
        <source>Value of %1 (%2)</source>
        <translation>%1（%2）的取值</translation>
    </message>
</context>
<context>
    <name>weft::MappingModel</name>
    <message>
        <source>Required: not mapped</source>
        <translation>必填：未映射</translation>
    </message>
    <message>
        <source>Clear mapping of %1</source>
        <translation>清除 %1 的映射</translation>
    </message>
    <message>
        <source>Map %1</source>
        <translation>映射 %1</translation>
    </message>
    <message>
        <source>%1 is a group: drop the source fields onto its fields.</source>
        <translation>%1 是分组：请把源字段拖到它的子字段上。</translation>
    </message>
    <message>
        <source>Map %1 → %2</source>
        <translation>映射 %1 → %2</translation>
    </message>
    <message numerus="yes">
        <source>Auto-map %n field(s)</source>
        <translation>
            <numerusform>自动映射 %n 个字段</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Clear %n mapping(s)</source>
        <translation>
            <numerusform>清除 %n 个映射</numerusform>
        </translation>
    </message>
    <message>
        <source>Set parser of %1</source>
        <translation>设置 %1 的解析器</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Target field</source>
        <translation>目标字段</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>显示名</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Value (template or expression)</source>
        <translation>取值（模板或表达式）</translation>
    </message>
    <message>
        <source>Parser</source>
        <translation>解析器</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>No unmapped target field has the name of %1: drop the fields onto a target field.</source>
        <translation>没有未映射的目标字段与 %1 同名：请把字段拖到某个目标字段上。</translation>
    </message>
</context>
<context>
    <name>weft::MySqlColumnLoader</name>
    <message>
        <source>table %1 does not exist (yet) in %2</source>
        <translation>%2 中（尚）不存在表 %1</translation>
    </message>
</context>
<context>
    <name>weft::NewIntegrationDialog</name>
    <message>
        <source>Table %1 does not exist (or has no columns).</source>
        <translation>表 %1 不存在（或没有列）。</translation>
    </message>
    <message>
        <source>New integration</source>
        <translation>新建集成</translation>
    </message>
    <message>
        <source>Where do the records go?</source>
        <translation>数据写到哪里？</translation>
    </message>
    <message>
        <source>A system&apos;s API (catalogue)</source>
        <translation>某个系统的接口（API 目录）</translation>
    </message>
    <message>
        <source>An existing MySQL table</source>
        <translation>已有的 MySQL 表</translation>
    </message>
    <message>
        <source>A new MySQL table</source>
        <translation>新的 MySQL 表</translation>
    </message>
    <message>
        <source>Table:</source>
        <translation>表：</translation>
    </message>
    <message>
        <source>The table Weft proposes from the source&apos;s fields (edit freely; the first run creates it):</source>
        <translation>Weft 根据源的字段拟出的表（可随意修改；第一次运行时建表）：</translation>
    </message>
    <message>
        <source>Read with:</source>
        <translation>读取连接：</translation>
    </message>
    <message>
        <source>Write with:</source>
        <translation>写入连接：</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>创建(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>1 / 3 · Source: which records to read</source>
        <translation>1 / 3 · 源：读取哪些数据</translation>
    </message>
    <message>
        <source>2 / 3 · Target: where to write them</source>
        <translation>2 / 3 · 目标：写到哪里</translation>
    </message>
    <message>
        <source>3 / 3 · Connections</source>
        <translation>3 / 3 · 连接</translation>
    </message>
    <message>
        <source>Its columns are read from the database when you create the scheme; auto-map matches them by name and by their comments.</source>
        <translation>创建方案时从数据库读取它的列；自动映射按列名和列注释匹配。</translation>
    </message>
    <message>
        <source>New connection (%1)…</source>
        <translation>新建连接（%1）…</translation>
    </message>
    <message>
        <source>None for now</source>
        <translation>暂不选择</translation>
    </message>
    <message>
        <source>Creates scheme %1.</source>
        <translation>将创建方案 %1。</translation>
    </message>
    <message>
        <source>The columns of %1 are read now, then auto-mapped.</source>
        <translation>创建时读取 %1 的列，然后自动映射。</translation>
    </message>
    <message numerus="yes">
        <source>Auto-map fills %n target field(s).</source>
        <translation>
            <numerusform>自动映射填好 %n 个目标字段。</numerusform>
        </translation>
    </message>
    <message>
        <source>Required and still to map: %1.</source>
        <translation>仍需映射的必填字段：%1。</translation>
    </message>
    <message>
        <source>Without connections the scheme cannot fetch a sample or run yet; add them later in its properties.</source>
        <translation>没有连接时，方案还不能取样例数据或运行；之后可在方案属性中添加。</translation>
    </message>
    <message>
        <source>Choose the MySQL connection to read the table&apos;s columns with.</source>
        <translation>请选择用来读取表结构的 MySQL 连接。</translation>
    </message>
    <message>
        <source>Reading the columns of %1…</source>
        <translation>正在读取 %1 的列…</translation>
    </message>
    <message>
        <source>New integration %1</source>
        <translation>新建集成 %1</translation>
    </message>
    <message>
        <source>New connection %1</source>
        <translation>新建连接 %1</translation>
    </message>
    <message>
        <source>New scheme %1</source>
        <translation>新建方案 %1</translation>
    </message>
</context>
<context>
    <name>weft::NodeDataPanel</name>
    <message>
        <source>Records leaving</source>
        <translation>流出记录</translation>
    </message>
    <message>
        <source>Fetch</source>
        <translation>获取</translation>
    </message>
    <message>
        <source>Fetch a sample from the source; a pinned sample is replaced</source>
        <translation>从来源获取样本；已固定的样本会被替换</translation>
    </message>
    <message>
        <source>Add record…</source>
        <translation>添加记录…</translation>
    </message>
    <message>
        <source>Add a record to the pinned sample, to try an edge case</source>
        <translation>向固定样本添加一条记录，试验边界情况</translation>
    </message>
    <message>
        <source>Edit record…</source>
        <translation>编辑记录…</translation>
    </message>
    <message>
        <source>Unpin sample</source>
        <translation>取消固定样本</translation>
    </message>
    <message>
        <source>Pin sample</source>
        <translation>固定样本</translation>
    </message>
    <message>
        <source>Source (raw)</source>
        <translation>来源（原始）</translation>
    </message>
    <message>
        <source>After beatFlat</source>
        <translation>beatFlat 之后</translation>
    </message>
    <message>
        <source>After the mapping</source>
        <translation>映射之后</translation>
    </message>
    <message>
        <source>After %1 (%2)</source>
        <translation>%1（%2）之后</translation>
    </message>
    <message>
        <source>pinned sample</source>
        <translation>固定样本</translation>
    </message>
    <message>
        <source>fetched sample</source>
        <translation>获取的样本</translation>
    </message>
    <message>
        <source>Select a node on the canvas.</source>
        <translation>在画布上选择一个节点。</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>No sample of %1 yet: fetch one.</source>
        <translation>%1 还没有样本：请先获取。</translation>
    </message>
    <message>
        <source>Could not preview: %1</source>
        <translation>无法预览：%1</translation>
    </message>
    <message>
        <source>This node has no records in the sample (disabled or not chained).</source>
        <translation>此节点在样本中没有记录（已停用或未连接）。</translation>
    </message>
    <message>
        <source>%1: %2 in · %3 out · %4 dropped · %5 failed</source>
        <translation>%1：流入 %2 · 流出 %3 · 丢弃 %4 · 失败 %5</translation>
    </message>
    <message>
        <source>Add a record to the pinned sample</source>
        <translation>向固定样本添加记录</translation>
    </message>
    <message>
        <source>Edit record %1 of the pinned sample</source>
        <translation>编辑固定样本的第 %1 条记录</translation>
    </message>
    <message>
        <source>Not JSON: %1 (at %2)</source>
        <translation>不是 JSON：%1（位置 %2）</translation>
    </message>
    <message numerus="yes">
        <source> · %n document(s)</source>
        <translation>
            <numerusform> · %n 张单据</numerusform>
        </translation>
    </message>
    <message>
        <source>A record is a JSON object.</source>
        <translation>记录必须是 JSON 对象。</translation>
    </message>
</context>
<context>
    <name>weft::NodeItem</name>
    <message>
        <source>read %1</source>
        <translation>读取 %1</translation>
    </message>
    <message>
        <source>written %1</source>
        <translation>写入 %1</translation>
    </message>
    <message>
        <source>failed %1</source>
        <translation>失败 %1</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>in %1 → out %2</source>
        <translation>输入 %1 → 输出 %2</translation>
    </message>
</context>
<context>
    <name>weft::NodeKind</name>
    <message>
        <source>Source</source>
        <translation>源</translation>
    </message>
    <message>
        <source>Reads records from a system. Drop on empty canvas to start a new scheme.</source>
        <translation>从系统读取记录。拖到画布空白处即新建一个方案。</translation>
    </message>
    <message>
        <source>Flatten</source>
        <translation>展开</translation>
    </message>
    <message>
        <source>Explodes an array field into one record per element (like beatFlat).</source>
        <translation>把数组字段展开为每个元素一条记录（同 beatFlat）。</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>过滤</translation>
    </message>
    <message>
        <source>Keeps the records for which a condition is true; the others are skipped.</source>
        <translation>保留满足条件的记录，其余的跳过。</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>字段映射</translation>
    </message>
    <message>
        <source>Maps source fields onto the target&apos;s fields (double-click to edit).</source>
        <translation>把源字段映射到目标字段（双击编辑）。</translation>
    </message>
    <message>
        <source>Lookup</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Adds fields looked up in another scheme&apos;s stored records.</source>
        <translation>从另一个方案保存的记录中查找并添加字段。</translation>
    </message>
    <message>
        <source>Validate</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>Checks rules (required, length, pattern); a record breaking one becomes a failed record.</source>
        <translation>检查规则（必填、长度、格式）；不符合的记录成为异常数据。</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Writes the mapped records to a system in batches.</source>
        <translation>把映射后的记录分批写入系统。</translation>
    </message>
</context>
<context>
    <name>weft::OperationsModel</name>
    <message>
        <source>no state store is open</source>
        <translation>没有打开状态库</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最近心跳</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>正在运行</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>调度</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>下次运行</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>上次运行</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>写入</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>持有者</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>触发方式</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Mapped</source>
        <translation>已映射</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>时间窗口</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>各步骤</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新于</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发送时间</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>About</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>(not in this project)</source>
        <translation>（不在本项目中）</translation>
    </message>
    <message>
        <source>cron %1</source>
        <translation>cron %1</translation>
    </message>
    <message>
        <source>after %1</source>
        <translation>在 %1 之后</translation>
    </message>
    <message>
        <source>paused by %1 since %2</source>
        <translation>由 %1 于 %2 暂停</translation>
    </message>
    <message>
        <source>%1 %2→%3</source>
        <translation>%1 %2→%3</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>%1 秒前</translation>
    </message>
    <message>
        <source>every %1 min</source>
        <translation>每 %1 分钟</translation>
    </message>
</context>
<context>
    <name>weft::OperationsPanel</name>
    <message>
        <source>%1 &apos;%2&apos;: request #%3 stored; a serve process carries it out at its next tick.</source>
        <translation>%1 “%2”：请求 #%3 已保存；serve 进程将在下一个调度周期执行。</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; was not stored: %3</source>
        <translation>%1 “%2” 未能保存：%3</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>状态库：%1</translation>
    </message>
    <message>
        <source>State: this computer&apos;s store (no serve process shares it)</source>
        <translation>状态库：本机的状态库（没有 serve 进程共享）</translation>
    </message>
    <message>
        <source>Run now</source>
        <translation>立即运行</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Hold the scheme&apos;s schedule on every server until it is resumed</source>
        <translation>在所有服务器上暂停该方案的调度，直到恢复</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>取消运行</translation>
    </message>
    <message>
        <source>Stop the scheme&apos;s running run after its current batch</source>
        <translation>在当前批次之后停止该方案正在进行的运行</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Schemes</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Runs in progress</source>
        <translation>进行中的运行</translation>
    </message>
    <message>
        <source>Serve processes</source>
        <translation>serve 进程</translation>
    </message>
    <message>
        <source>Alerts sent</source>
        <translation>已发送的告警</translation>
    </message>
</context>
<context>
    <name>weft::Parsers</name>
    <message>
        <source>Wraps the value in an object: &quot;X&quot; → {&quot;FNumber&quot;: &quot;X&quot;} (K3Cloud base data).</source>
        <translation>把值包成对象：&quot;X&quot; → {&quot;FNumber&quot;: &quot;X&quot;}（云星空基础资料）。</translation>
    </message>
    <message>
        <source>Wraps the value twice: {&quot;A&quot;: {&quot;B&quot;: value}}.</source>
        <translation>把值包两层：{&quot;A&quot;: {&quot;B&quot;: 值}}。</translation>
    </message>
    <message>
        <source>Splits text into an array at a separator (default &quot;,&quot;).</source>
        <translation>按分隔符把文本拆成数组（默认 &quot;,&quot;）。</translation>
    </message>
    <message>
        <source>Joins an array into text with a separator (default &quot;,&quot;).</source>
        <translation>用分隔符把数组连成文本（默认 &quot;,&quot;）。</translation>
    </message>
    <message>
        <source>Parses JSON text into an object or array.</source>
        <translation>把 JSON 文本解析为对象或数组。</translation>
    </message>
</context>
<context>
    <name>weft::PipelineModel</name>
    <message>
        <source>%1 of %2 fields mapped</source>
        <translation>已映射 %1 / %2 个字段</translation>
    </message>
    <message>
        <source>Connect %1 to %2</source>
        <translation>连接 %1 → %2</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>断开连接</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>New scheme</source>
        <translation>新方案</translation>
    </message>
    <message>
        <source>New scheme %1</source>
        <translation>新建方案 %1</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>添加%1</translation>
    </message>
    <message>
        <source>Move node</source>
        <translation>移动节点</translation>
    </message>
    <message>
        <source>Move nodes</source>
        <translation>移动节点</translation>
    </message>
    <message>
        <source>Auto-layout</source>
        <translation>自动布局</translation>
    </message>
    <message>
        <source>That node no longer exists.</source>
        <translation>该节点已不存在。</translation>
    </message>
    <message>
        <source>A node cannot feed itself.</source>
        <translation>节点不能连接到自身。</translation>
    </message>
    <message>
        <source>Nodes of different schemes cannot be connected: each scheme is one pipeline.</source>
        <translation>不同方案的节点不能相连：每个方案是一条独立的流水线。</translation>
    </message>
    <message>
        <source>The target is the end of the pipeline: it has no output.</source>
        <translation>目标是流水线的终点：它没有输出。</translation>
    </message>
    <message>
        <source>The source is the start of the pipeline: it has no input.</source>
        <translation>源是流水线的起点：它没有输入。</translation>
    </message>
    <message>
        <source>These nodes are already connected.</source>
        <translation>这两个节点已经相连。</translation>
    </message>
    <message>
        <source>The mapping feeds the target only; put steps before the mapping.</source>
        <translation>字段映射只连到目标；步骤请放在字段映射之前。</translation>
    </message>
    <message>
        <source>Only the mapping feeds the target.</source>
        <translation>只有字段映射可以连到目标。</translation>
    </message>
    <message>
        <source>Connect one of these nodes to the scheme&apos;s chain first (starting from the source).</source>
        <translation>请先把其中一个节点接入方案的链路（从源开始）。</translation>
    </message>
    <message>
        <source>“%1” already has an input: a scheme is a single chain. Delete that connection first.</source>
        <translation>“%1”已有输入：一个方案是一条单链。请先删除那条连线。</translation>
    </message>
    <message>
        <source>The source, the mapping and the target belong to the scheme: delete the scheme in the project explorer instead.</source>
        <translation>源、字段映射和目标属于方案本身：请在项目浏览器中删除整个方案。</translation>
    </message>
    <message>
        <source>That connection no longer exists.</source>
        <translation>该连线已不存在。</translation>
    </message>
    <message>
        <source>The source, the mapping and the target always stay connected; remove a step instead.</source>
        <translation>源、字段映射和目标始终相连；请改为删除步骤。</translation>
    </message>
    <message>
        <source>This scheme already has a source. Drop the source on empty canvas to start a new scheme.</source>
        <translation>该方案已有源。把源拖到画布空白处可新建方案。</translation>
    </message>
    <message>
        <source>Every scheme has exactly one mapping and one target; drop a source on empty canvas to start a new scheme.</source>
        <translation>每个方案只有一个字段映射和一个目标；把源拖到画布空白处可新建方案。</translation>
    </message>
    <message>
        <source>Drop a step inside a scheme&apos;s frame.</source>
        <translation>请把步骤放到某个方案的框内。</translation>
    </message>
</context>
<context>
    <name>weft::PreviewPanel</name>
    <message>
        <source>Pinned sample: </source>
        <translation>固定样本：</translation>
    </message>
    <message>
        <source>Fetching…</source>
        <translation>正在获取…</translation>
    </message>
    <message>
        <source>No preview of this scheme yet.</source>
        <translation>该方案还没有预览。</translation>
    </message>
    <message>
        <source>Could not fetch: %1</source>
        <translation>无法获取：%1</translation>
    </message>
    <message>
        <source>%1 source record(s) · %2 mapped · %3 failed · %4 skipped</source>
        <translation>源记录 %1 条 · 映射 %2 · 失败 %3 · 跳过 %4</translation>
    </message>
</context>
<context>
    <name>weft::PreviewTableModel</name>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>weft::ProblemsPanel</name>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>project</source>
        <translation>项目</translation>
    </message>
</context>
<context>
    <name>weft::ProjectDocument</name>
    <message>
        <source>Untitled project</source>
        <translation>未命名项目</translation>
    </message>
</context>
<context>
    <name>weft::ProjectExplorer</name>
    <message>
        <source>Search connections and schemes</source>
        <translation>搜索连接和方案</translation>
    </message>
    <message>
        <source>Connections (%1)</source>
        <translation>连接（%1）</translation>
    </message>
    <message>
        <source>Schemes (%1)</source>
        <translation>集成方案（%1）</translation>
    </message>
    <message>
        <source>Edit connection…</source>
        <translation>编辑连接…</translation>
    </message>
    <message>
        <source>Delete connection</source>
        <translation>删除连接</translation>
    </message>
    <message>
        <source>Edit mapping</source>
        <translation>编辑字段映射</translation>
    </message>
    <message>
        <source>Run scheme</source>
        <translation>运行方案</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Delete scheme</source>
        <translation>删除方案</translation>
    </message>
    <message>
        <source>New connection…</source>
        <translation>新建连接…</translation>
    </message>
    <message>
        <source>New scheme</source>
        <translation>新方案</translation>
    </message>
</context>
<context>
    <name>weft::ProjectFiles</name>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>The project “%1” has changes that are not saved.</source>
        <translation>项目“%1”有尚未保存的修改。</translation>
    </message>
    <message>
        <source>Save them before going on?</source>
        <translation>继续之前要保存吗？</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>新项目</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>%1 could not be opened:
%2</source>
        <translation>无法打开 %1：
%2</translation>
    </message>
    <message>
        <source>Opened %1 — it has %2 error(s): see the Problems tab.</source>
        <translation>已打开 %1 —— 其中有 %2 个错误：请查看“问题”页。</translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation>已打开 %1。</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>The project was not saved: %1</source>
        <translation>项目未保存：%1</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <source>Weft projects (*.weft.json)</source>
        <translation>Weft 项目 (*.weft.json)</translation>
    </message>
    <message>
        <source>Cannot open example</source>
        <translation>无法打开示例</translation>
    </message>
    <message>
        <source>The example %1 could not be read.</source>
        <translation>无法读取示例 %1。</translation>
    </message>
    <message>
        <source>Opened the example %1 — Save as… keeps a copy of it.</source>
        <translation>已打开示例 %1 — “另存为…”可保存一份副本。</translation>
    </message>
</context>
<context>
    <name>weft::ProjectItemActions</name>
    <message>
        <source>Delete connection</source>
        <translation>删除连接</translation>
    </message>
    <message>
        <source>%1 is used by %2. Delete it anyway? (Undo brings it back.)</source>
        <translation>%1 正被 %2 使用。仍要删除吗？（可撤销恢复。）</translation>
    </message>
    <message>
        <source>Delete connection %1</source>
        <translation>删除连接 %1</translation>
    </message>
    <message>
        <source>Delete scheme</source>
        <translation>删除方案</translation>
    </message>
    <message>
        <source>Delete the scheme %1 with its steps and mapping? (Undo brings it back.)</source>
        <translation>删除方案 %1 及其步骤和字段映射？（可撤销恢复。）</translation>
    </message>
</context>
<context>
    <name>weft::ProjectPropertiesPage</name>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n 个连接</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scheme(s)</source>
        <translation>
            <numerusform>%n 个方案</numerusform>
        </translation>
    </message>
    <message>
        <source>No alert rules: nobody is told when a scheduled run fails.</source>
        <translation>没有告警规则：定时运行失败时不会通知任何人。</translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s): %1</source>
        <translation>
            <numerusform>%n 条规则：%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>weft::PropertiesPanel</name>
    <message>
        <source>Select a node on the canvas, a scheme or a connection to see and edit its properties here.</source>
        <translation>在画布上选择节点，或选择方案、连接，即可在此查看和编辑它的属性。</translation>
    </message>
    <message>
        <source>Open the mapping editor</source>
        <translation>打开字段映射编辑器</translation>
    </message>
    <message>
        <source>Edit connection…</source>
        <translation>编辑连接…</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Scheme %1</source>
        <translation>方案 %1</translation>
    </message>
    <message>
        <source>Source of %1</source>
        <translation>%1 的源</translation>
    </message>
    <message>
        <source>Target of %1</source>
        <translation>%1 的目标</translation>
    </message>
    <message>
        <source>Mapping of %1</source>
        <translation>%1 的字段映射</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>%2 的步骤 %1</translation>
    </message>
    <message>
        <source>Connection %1</source>
        <translation>连接 %1</translation>
    </message>
    <message>
        <source>%1 of %2 target fields are mapped.</source>
        <translation>已映射 %1 / %2 个目标字段。</translation>
    </message>
    <message numerus="yes">
        <source>%n required field(s) have no value.</source>
        <translation>
            <numerusform>%n 个必填字段没有取值。</numerusform>
        </translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>基础地址</translation>
    </message>
    <message>
        <source>plain text (not recommended)</source>
        <translation>明文（不推荐）</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>限流</translation>
    </message>
    <message>
        <source>%1/s, %2/min</source>
        <translation>%1 次/秒，%2 次/分</translation>
    </message>
    <message>
        <source>environment variable %1</source>
        <translation>环境变量 %1</translation>
    </message>
    <message>
        <source>keychain %1</source>
        <translation>钥匙串 %1</translation>
    </message>
</context>
<context>
    <name>weft::RunCoordinator</name>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>%1: read %2, written %3, failed %4</source>
        <translation>%1：读取 %2，写入 %3，失败 %4</translation>
    </message>
    <message>
        <source>Could not run: %1</source>
        <translation>无法运行：%1</translation>
    </message>
    <message>
        <source>A run is already going: wait for it or cancel it.</source>
        <translation>已有运行在进行：请等待它结束或取消它。</translation>
    </message>
    <message>
        <source>The retry of %1 will start when the current run ends.</source>
        <translation>%1 的重试将在当前运行结束后开始。</translation>
    </message>
</context>
<context>
    <name>weft::RunHistoryModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>集成方案</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>触发方式</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>写入</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Run id</source>
        <translation>运行 ID</translation>
    </message>
</context>
<context>
    <name>weft::RunPanel</name>
    <message>
        <source>Could not run: %1</source>
        <translation>无法运行：%1</translation>
    </message>
    <message>
        <source>Finished: every record done.</source>
        <translation>已完成：所有记录处理成功。</translation>
    </message>
    <message>
        <source>Finished with failed records: see the Failed records tab.</source>
        <translation>已完成，但有异常数据：请查看“异常数据”页。</translation>
    </message>
    <message>
        <source>Stopped (exit code %1): see the log.</source>
        <translation>已停止（退出码 %1）：请查看日志。</translation>
    </message>
    <message>
        <source>Run scheme</source>
        <translation>运行方案</translation>
    </message>
    <message>
        <source>Run scheme %1</source>
        <translation>运行方案 %1</translation>
    </message>
    <message>
        <source>Nothing has run yet. Run the project or a scheme; progress appears here and on the canvas.</source>
        <translation>还没有运行过。运行项目或某个方案后，进度会显示在这里和画布上。</translation>
    </message>
    <message>
        <source>Total: read %1 · written %2 · skipped %3 · failed %4</source>
        <translation>合计：读取 %1 · 写入 %2 · 跳过 %3 · 失败 %4</translation>
    </message>
</context>
<context>
    <name>weft::RunProgressModel</name>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>finished with failures</source>
        <translation>完成（有异常）</translation>
    </message>
    <message>
        <source>aborted</source>
        <translation>已中止</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>preparing</source>
        <translation>准备中</translation>
    </message>
    <message>
        <source>reading window %1 of %2</source>
        <translation>读取第 %1 / %2 个时间窗口</translation>
    </message>
    <message>
        <source>reading</source>
        <translation>读取中</translation>
    </message>
    <message>
        <source>writing</source>
        <translation>写入中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1 条/秒</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>集成方案</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>写入</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Records/s</source>
        <translation>条/秒</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>已用时间</translation>
    </message>
</context>
<context>
    <name>weft::SampleCache</name>
    <message numerus="yes">
        <source>Pin %n record(s) as the sample of %1</source>
        <translation>
            <numerusform>将 %n 条记录固定为 %1 的样本</numerusform>
        </translation>
    </message>
    <message>
        <source>Refresh pinned sample of %1</source>
        <translation>刷新 %1 的固定样本</translation>
    </message>
    <message>
        <source>Pin sample of %1</source>
        <translation>固定 %1 的样本</translation>
    </message>
    <message>
        <source>Unpin sample of %1</source>
        <translation>取消固定 %1 的样本</translation>
    </message>
    <message>
        <source>Edit pinned record %1 of %2</source>
        <translation>编辑 %2 的固定记录 %1</translation>
    </message>
    <message>
        <source>Add a record to the pinned sample of %1</source>
        <translation>向 %1 的固定样本添加记录</translation>
    </message>
</context>
<context>
    <name>weft::ScheduleEditor</name>
    <message>
        <source>%1 (itself)</source>
        <translation>%1（本方案）</translation>
    </message>
    <message>
        <source>%1 (no such scheme)</source>
        <translation>%1（没有这个方案）</translation>
    </message>
    <message>
        <source>(no other scheme in this project)</source>
        <translation>（项目中没有其他方案）</translation>
    </message>
    <message>
        <source>Edit %1 of %2</source>
        <translation>编辑 %2 的%1</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>调度</translation>
    </message>
    <message>
        <source>interval</source>
        <translation>间隔</translation>
    </message>
    <message>
        <source>cron</source>
        <translation>Cron</translation>
    </message>
    <message>
        <source>run after</source>
        <translation>前置方案</translation>
    </message>
    <message>
        <source>Type a cron expression: until then the scheme only runs when started by hand.</source>
        <translation>请输入 Cron 表达式：在此之前，本方案只在手动启动时运行。</translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <source>✓ A valid cron expression.</source>
        <translation>✓ Cron 表达式有效。</translation>
    </message>
    <message>
        <source>%1 (due now)</source>
        <translation>%1（现在就该运行）</translation>
    </message>
    <message>
        <source>Only when started by hand.</source>
        <translation>只在手动启动时运行。</translation>
    </message>
    <message>
        <source>None: the cron expression is empty, invalid or never matches.</source>
        <translation>无：Cron 表达式为空、无效或永远不会匹配。</translation>
    </message>
    <message>
        <source>Times in %1.</source>
        <translation>时间按 %1 时区。</translation>
    </message>
    <message>
        <source>Counted from the start of the last run, %1.</source>
        <translation>从上次运行的开始时间 %1 起算。</translation>
    </message>
    <message>
        <source>It never ran: due as soon as weft-run serve starts.</source>
        <translation>从未运行过：weft-run serve 一启动就会运行。</translation>
    </message>
    <message>
        <source>Also after each successful run of %1.</source>
        <translation>另外，%1 每次运行成功后也会运行。</translation>
    </message>
    <message>
        <source>The scheme is disabled: weft-run serve does not run it.</source>
        <translation>本方案已停用：weft-run serve 不会运行它。</translation>
    </message>
</context>
<context>
    <name>weft::SchemeJump</name>
    <message>
        <source>%1 of %2 schemes — Enter jumps, Esc closes</source>
        <translation>匹配 %1 个，共 %2 个方案 — 回车跳转，Esc 关闭</translation>
    </message>
    <message>
        <source>Jump to scheme: type part of its name, title or connection</source>
        <translation>跳转到方案：输入名称、标题或连接中的文字</translation>
    </message>
    <message>
        <source>Jump to scheme</source>
        <translation>跳转到方案</translation>
    </message>
    <message>
        <source>Matching schemes</source>
        <translation>匹配的方案</translation>
    </message>
</context>
<context>
    <name>weft::SchemePropertiesPage</name>
    <message>
        <source>Edit %1 of %2</source>
        <translation>编辑 %2 的%1</translation>
    </message>
    <message>
        <source>A scheme needs a name.</source>
        <translation>方案需要名称。</translation>
    </message>
    <message>
        <source>There is already a scheme named “%1”.</source>
        <translation>已存在名为“%1”的方案。</translation>
    </message>
    <message>
        <source>Rename scheme %1 to %2</source>
        <translation>把方案 %1 重命名为 %2</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>启用状态</translation>
    </message>
    <message>
        <source>source connection</source>
        <translation>源连接</translation>
    </message>
    <message>
        <source>target connection</source>
        <translation>目标连接</translation>
    </message>
    <message>
        <source>first sync</source>
        <translation>首次同步起点</translation>
    </message>
    <message>
        <source>overlap</source>
        <translation>时间重叠</translation>
    </message>
    <message>
        <source>retries</source>
        <translation>重试次数</translation>
    </message>
    <message>
        <source>retry delay</source>
        <translation>重试间隔</translation>
    </message>
    <message>
        <source>error policy</source>
        <translation>错误策略</translation>
    </message>
</context>
<context>
    <name>weft::SecretField</name>
    <message>
        <source>Keep: %1</source>
        <translation>保持：%1</translation>
    </message>
    <message>
        <source>plain text in file</source>
        <translation>文件中的明文</translation>
    </message>
    <message>
        <source>System keychain</source>
        <translation>系统钥匙串</translation>
    </message>
    <message>
        <source>Environment variable</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <source>secret, saved to the keychain as weft/%1</source>
        <translation>密钥，将以 weft/%1 存入钥匙串</translation>
    </message>
    <message>
        <source>variable name, e.g. JST_APP_SECRET</source>
        <translation>变量名，例如 JST_APP_SECRET</translation>
    </message>
    <message>
        <source>environment variable %1</source>
        <translation>环境变量 %1</translation>
    </message>
    <message>
        <source>keychain %1</source>
        <translation>钥匙串 %1</translation>
    </message>
</context>
<context>
    <name>weft::ServerState</name>
    <message>
        <source>Open server state</source>
        <translation>打开服务器状态库</translation>
    </message>
    <message>
        <source>The shared state store of the servers, as a URL (mysql://user@host:3306/database). It is used for this session only; the project file is not changed.</source>
        <translation>服务器共享的状态库 URL（mysql://user@host:3306/database）。仅用于本次会话，不修改项目文件。</translation>
    </message>
    <message>
        <source>%1 is not a mysql:// URL.</source>
        <translation>%1 不是 mysql:// URL。</translation>
    </message>
    <message>
        <source>Password of %1 (empty: the WEFT_STATE_PASSWORD environment variable):</source>
        <translation>%1 的密码（留空：使用环境变量 WEFT_STATE_PASSWORD）：</translation>
    </message>
    <message>
        <source>State store for this session: %1</source>
        <translation>本次会话的状态库：%1</translation>
    </message>
    <message>
        <source>The state store&apos;s password: %1</source>
        <translation>状态库的密码：%1</translation>
    </message>
</context>
<context>
    <name>weft::SourceFieldModel</name>
    <message>
        <source>Source field</source>
        <translation>源字段</translation>
    </message>
    <message>
        <source>Sample value</source>
        <translation>样例值</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>weft::StageTableModel</name>
    <message>
        <source>%1 of %2 rule(s) broken: %3</source>
        <translation>%2 条规则中有 %1 条未通过：%3</translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s) passed</source>
        <translation>
            <numerusform>%n 条规则通过</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>passed with %n warning(s): %1</source>
        <translation>
            <numerusform>通过，有 %n 条警告：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>added %1</source>
        <translation>已添加 %1</translation>
    </message>
    <message>
        <source>; not found: %1</source>
        <translation>；未找到：%1</translation>
    </message>
    <message numerus="yes">
        <source>made of %n record(s)</source>
        <translation>
            <numerusform>由 %n 条记录组成</numerusform>
        </translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Why / note</source>
        <translation>原因 / 说明</translation>
    </message>
</context>
<context>
    <name>weft::StartPage</name>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>A scheme reads a source system page by page, maps its fields and writes them to a target. Start with a scheme (its source, mapping and target are nodes on the canvas), add the connections it uses, or open an example to see a complete one.</source>
        <translation>集成方案逐页读取源系统，映射字段后写入目标。可以先新建一个方案（源、字段映射和目标是画布上的节点），再添加它用到的连接；也可以打开一个示例，看看完整的方案。</translation>
    </message>
    <message>
        <source>New scheme</source>
        <translation>新建方案</translation>
    </message>
    <message>
        <source>New connection…</source>
        <translation>新建连接…</translation>
    </message>
    <message>
        <source>Open project…</source>
        <translation>打开项目…</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>最近的项目</translation>
    </message>
    <message>
        <source>New integration…</source>
        <translation>新建集成…</translation>
    </message>
</context>
<context>
    <name>weft::StepPropertiesPage</name>
    <message>
        <source>Edit step title</source>
        <translation>编辑步骤标题</translation>
    </message>
    <message>
        <source>Enable step</source>
        <translation>启用步骤</translation>
    </message>
    <message>
        <source>Disable step</source>
        <translation>停用步骤</translation>
    </message>
    <message>
        <source>Edit flatten arrays</source>
        <translation>编辑展开的数组</translation>
    </message>
    <message>
        <source>Edit filter condition</source>
        <translation>编辑过滤条件</translation>
    </message>
    <message>
        <source>%1 (not connected: does not run)</source>
        <translation>%1（未连接：不会运行）</translation>
    </message>
    <message>
        <source>Fields to add: [{&quot;field&quot;: &quot;customer_name&quot;, &quot;value&quot;: &quot;_findCollection find name from customers where number={{customer}}&quot;}]</source>
        <translation>要添加的字段：[{&quot;field&quot;: &quot;customer_name&quot;, &quot;value&quot;: &quot;_findCollection find name from customers where number={{customer}}&quot;}]</translation>
    </message>
    <message>
        <source>Rules: [{&quot;field&quot;: &quot;io_id&quot;, &quot;required&quot;: true}, {&quot;field&quot;: &quot;name&quot;, &quot;maxLength&quot;: 200}, {&quot;field&quot;: &quot;mobile&quot;, &quot;pattern&quot;: &quot;^1\\d{10}$&quot;}]</source>
        <translation>规则：[{&quot;field&quot;: &quot;io_id&quot;, &quot;required&quot;: true}, {&quot;field&quot;: &quot;name&quot;, &quot;maxLength&quot;: 200}, {&quot;field&quot;: &quot;mobile&quot;, &quot;pattern&quot;: &quot;^1\\d{10}$&quot;}]</translation>
    </message>
    <message>
        <source>Not applied: %1 at character %2.</source>
        <translation>未应用：第 %2 个字符处%1。</translation>
    </message>
    <message>
        <source>Not applied: write a JSON array.</source>
        <translation>未应用：请填写 JSON 数组。</translation>
    </message>
    <message>
        <source>Edit step settings</source>
        <translation>编辑步骤设置</translation>
    </message>
</context>
<context>
    <name>weft::ValidateRulesEdit</name>
    <message>
        <source>Edit rule field</source>
        <translation>编辑规则字段</translation>
    </message>
    <message>
        <source>Edit rule value</source>
        <translation>编辑规则取值</translation>
    </message>
    <message>
        <source>Add validate rule</source>
        <translation>添加校验规则</translation>
    </message>
    <message>
        <source>Remove validate rule</source>
        <translation>删除校验规则</translation>
    </message>
</context>
<context>
    <name>weft::HistoryQualityView</name>
    <message>
        <source>Export report…</source>
        <translation>导出报告…</translation>
    </message>
    <message>
        <source>Save the run&apos;s quality summary as an HTML report</source>
        <translation>将本次运行的质量汇总保存为 HTML 报告</translation>
    </message>
    <message>
        <source>Select a run to see its quality summary.</source>
        <translation>选择一次运行，查看其质量汇总。</translation>
    </message>
    <message>
        <source>Quality of run %1 (%2)</source>
        <translation>运行 %1 的数据质量（%2）</translation>
    </message>
    <message>
        <source>Records read against the source&apos;s total, per window</source>
        <translation>按时间窗口对账：读取的记录数与数据源报告的总数</translation>
    </message>
    <message>
        <source>Validate rules: records per outcome</source>
        <translation>校验规则：各结果的记录数</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>时间窗口</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>源报告数</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>取值</translation>
    </message>
    <message>
        <source>If broken</source>
        <translation>不通过时</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation>删除规则</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>length (min..max)</source>
        <translation>长度（最小..最大）</translation>
    </message>
    <message>
        <source>pattern</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <source>range (min..max)</source>
        <translation>数值范围（最小..最大）</translation>
    </message>
    <message>
        <source>allowed values</source>
        <translation>允许的值</translation>
    </message>
    <message>
        <source>unique in the run</source>
        <translation>本次运行内唯一</translation>
    </message>
    <message>
        <source>exists in scheme.field</source>
        <translation>存在于 方案.字段</translation>
    </message>
    <message>
        <source>condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>fail the record</source>
        <translation>记为失败</translation>
    </message>
    <message>
        <source>skip the record</source>
        <translation>跳过该记录</translation>
    </message>
    <message>
        <source>warn</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Change rule check</source>
        <translation>更改规则检查</translation>
    </message>
    <message>
        <source>Change rule severity</source>
        <translation>更改规则处理方式</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Warned</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>No validate rules in this run</source>
        <translation>本次运行没有校验规则</translation>
    </message>
    <message>
        <source>Per field</source>
        <translation>按字段</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>warned</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Export quality report</source>
        <translation>导出质量报告</translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation>HTML 报告 (*.html)</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
</TS>
