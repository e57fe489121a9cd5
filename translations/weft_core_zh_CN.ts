<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>weft::CliText</name>
    <message>
        <source>%1: the project is invalid; fix the errors above (weft-run validate %1 lists warnings too)</source>
        <translation>%1：项目无效；请先修正上面的错误（weft-run validate %1 还会列出警告）</translation>
    </message>
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
        <translation>完成，有失败记录</translation>
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
        <source>%1: %2 — read %3, written %4, skipped %5, failed %6, pages %7, %8 s</source>
        <translation>%1：%2 — 读取 %3，写入 %4，跳过 %5，失败 %6，页数 %7，%8 秒</translation>
    </message>
    <message>
        <source>Failed records of %1: weft-run failed %2 --scheme %1  (retry: weft-run retry %2 --scheme %1 --all)</source>
        <translation>%1 的失败记录：weft-run failed %2 --scheme %1（重试：weft-run retry %2 --scheme %1 --all）</translation>
    </message>
    <message>
        <source>stopping: finishing the current batch…</source>
        <translation>正在停止：完成当前批次…</translation>
    </message>
    <message>
        <source>weft-run validate: give at least one project file</source>
        <translation>weft-run validate：请至少给出一个项目文件</translation>
    </message>
    <message>
        <source>1 error</source>
        <translation>1 个错误</translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation>%1 个错误</translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation>1 个警告</translation>
    </message>
    <message>
        <source>%1 warnings</source>
        <translation>%1 个警告</translation>
    </message>
    <message>
        <source>%1: invalid (%2, %3)</source>
        <translation>%1：无效（%2，%3）</translation>
    </message>
    <message>
        <source>%1: valid (%2, %3)</source>
        <translation>%1：有效（%2，%3）</translation>
    </message>
    <message>
        <source>no environment named &quot;%1&quot;: the project defines none</source>
        <translation>没有名为 "%1" 的环境：项目没有定义任何环境</translation>
    </message>
    <message>
        <source>no environment named &quot;%1&quot;; the project has: %2</source>
        <translation>没有名为 "%1" 的环境；项目中有：%2</translation>
    </message>
</context>
<context>
    <name>weft::ProjectText</name>
    <message>
        <location filename="../src/core/catalog/catalogcheck.cpp" line="1"/>
        <source>&quot;%1&quot; is of type %2 here; the catalogue&apos;s %3 says %4</source>
        <translation>&quot;%1&quot; 在此的类型为 %2；目录中的 %3 为 %4</translation>
    </message>
    <message>
        <location filename="../src/core/catalog/catalogcheck.cpp" line="1"/>
        <source>the catalogue&apos;s %1 lists fields the request does not: %2</source>
        <translation>目录中的 %1 列出了请求中没有的字段：%2</translation>
    </message>
    <message>
        <location filename="../src/core/catalog/catalogcheck.cpp" line="1"/>
        <source>responsePath is &quot;%1&quot;; the catalogue&apos;s %2 has the records at &quot;%3&quot;</source>
        <translation>responsePath 为 &quot;%1&quot;；目录中的 %2 的记录位于 &quot;%3&quot;</translation>
    </message>
    <message>
        <location filename="../src/core/catalog/catalogcheck.cpp" line="1"/>
        <source>beatFlat names %1, which is not an array of the records of %2 in the catalogue</source>
        <translation>beatFlat 指定了 %1，但它不是目录中 %2 记录的数组字段</translation>
    </message>
    <message>
        <location filename="../src/core/catalog/catalogcheck.cpp" line="1"/>
        <source>%1 field &quot;%2&quot; is not a record field of %3 in the catalogue</source>
        <translation>%1 字段 &quot;%2&quot; 不是目录中 %3 的记录字段</translation>
    </message>
    <message>
        <location filename="../src/core/catalog/catalogcheck.cpp" line="1"/>
        <source>a page of %1 records; the catalogue&apos;s %2 allows at most %3</source>
        <translation>每页 %1 条记录；目录中的 %2 最多允许 %3 条</translation>
    </message>
    <message>
        <source>/name: an alert rule needs a name</source>
        <translation>/name：告警规则需要名称</translation>
    </message>
    <message>
        <source>/when: &quot;%1&quot; is not run_failed, failed_records, no_success or auth_failure</source>
        <translation>/when：&quot;%1&quot; 不是 run_failed、failed_records、no_success 或 auth_failure</translation>
    </message>
    <message>
        <source>/minutes: a no_success rule needs &quot;minutes&quot; &gt; 0</source>
        <translation>/minutes：no_success 规则需要 &quot;minutes&quot; &gt; 0</translation>
    </message>
    <message>
        <source>/channels: an alert rule needs at least one channel</source>
        <translation>/channels：告警规则至少需要一个通道</translation>
    </message>
    <message>
        <source>/channels/%1/type: &quot;%2&quot; is not dingtalk, wecom or webhook</source>
        <translation>/channels/%1/type：&quot;%2&quot; 不是 dingtalk、wecom 或 webhook</translation>
    </message>
    <message>
        <source>/channels/%1: a %2 channel needs &quot;%3&quot;</source>
        <translation>/channels/%1：%2 通道需要 &quot;%3&quot;</translation>
    </message>
    <message>
        <source>/channels/%1/%2: the robot&apos;s access token is a secret: use {&quot;env&quot;: &quot;NAME&quot;} or ${NAME}</source>
        <translation>/channels/%1/%2：机器人的 access token 是密钥：请使用 {&quot;env&quot;: &quot;NAME&quot;} 或 ${NAME}</translation>
    </message>
    <message>
        <source>%1: empty list item in &quot;%2&quot;</source>
        <translation>%1：&quot;%2&quot; 中有空的列表项</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; needs a positive step after /</source>
        <translation>%1：&quot;%2&quot; 的 / 之后需要一个正的步长</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a range within %3-%4</source>
        <translation>%1：&quot;%2&quot; 不是 %3-%4 之内的范围</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a value within %3-%4</source>
        <translation>%1：&quot;%2&quot; 不是 %3-%4 之内的值</translation>
    </message>
    <message>
        <source>a cron expression has 5 fields (minute hour day-of-month month day-of-week), e.g. &quot;*/15 * * * *&quot;; this one has %1</source>
        <translation>cron 表达式有 5 个字段（分 时 日 月 星期），例如 &quot;*/15 * * * *&quot;；这个有 %1 个</translation>
    </message>
    <message>
        <source>— or, if the target tolerates a record sent twice, declare &quot;delivery&quot;: &quot;at-least-once&quot; on the target</source>
        <translation>— 或者，如果目标能容忍同一记录发送两次，请在目标上声明 &quot;delivery&quot;: &quot;at-least-once&quot;</translation>
    </message>
    <message>
        <source>K3Cloud numbers new documents itself: after a crash or a lost answer Weft could not tell whether K3Cloud saved a document, and saving it again would book it twice. Map FBillNo (documents) or FNumber (base data) from a unique source value, so that Weft can look the document up %1</source>
        <translation>K3Cloud 自己为新单据编号：崩溃或丢失应答之后，Weft 无法判断 K3Cloud 是否已保存该单据，再次保存会重复记账。请从唯一的源字段映射 FBillNo（单据）或 FNumber（基础资料），以便 Weft 查找该单据 %1</translation>
    </message>
    <message>
        <source>JDY numbers new documents itself: after a crash or a lost answer Weft could not tell whether JDY saved a record, and saving it again would create it twice. Map &quot;number&quot; from a unique source value, so that Weft can look the record up %1</source>
        <translation>精斗云自己为新单据编号：崩溃或丢失应答之后，Weft 无法判断精斗云是否已保存该记录，再次保存会重复创建。请从唯一的源字段映射 &quot;number&quot;，以便 Weft 查找该记录 %1</translation>
    </message>
    <message>
        <source>an HTTP JSON target cannot be asked whether a record arrived: after a crash or a lost answer Weft may send it again (with the same Idempotency-Key header). Declare &quot;delivery&quot;: &quot;at-least-once&quot; on the target once the receiving service tolerates that (for example, it ignores a key it has seen)</source>
        <translation>HTTP JSON 目标无法被询问某条记录是否已送达：崩溃或丢失应答之后 Weft 可能再次发送它（带相同的 Idempotency-Key 请求头）。待接收服务能容忍重复（例如忽略已见过的 key）后，在目标上声明 &quot;delivery&quot;: &quot;at-least-once&quot;</translation>
    </message>
    <message>
        <source>required key &quot;%1&quot; is missing</source>
        <translation>缺少必需的键 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>must be a string, not %1</source>
        <translation>必须是字符串，而不是 %1</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>must be true or false, not %1</source>
        <translation>必须是 true 或 false，而不是 %1</translation>
    </message>
    <message>
        <source>must be a number, not %1</source>
        <translation>必须是数字，而不是 %1</translation>
    </message>
    <message>
        <source>must be between %1 and %2, not %3</source>
        <translation>必须在 %1 和 %2 之间，而不是 %3</translation>
    </message>
    <message>
        <source>must be a whole number, not %1</source>
        <translation>必须是整数，而不是 %1</translation>
    </message>
    <message>
        <source>must be an object, not %1</source>
        <translation>必须是对象，而不是 %1</translation>
    </message>
    <message>
        <source>must be an array, not %1</source>
        <translation>必须是数组，而不是 %1</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>必须是字符串</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; is kept but ignored%2</source>
        <translation>未知的键 &quot;%1&quot; 会保留但被忽略%2</translation>
    </message>
    <message>
        <source>main_sql must look like &quot;REPLACE INTO table(col1, col2) VALUES&quot; or &quot;INSERT INTO table(col1, col2) VALUES (:col1, :col2)&quot;</source>
        <translation>main_sql 必须形如 &quot;REPLACE INTO table(col1, col2) VALUES&quot; 或 &quot;INSERT INTO table(col1, col2) VALUES (:col1, :col2)&quot;</translation>
    </message>
    <message>
        <source>table name &quot;%1&quot; is not a plain identifier</source>
        <translation>表名 &quot;%1&quot; 不是普通标识符</translation>
    </message>
    <message>
        <source>column name &quot;%1&quot; is not a plain identifier</source>
        <translation>列名 &quot;%1&quot; 不是普通标识符</translation>
    </message>
    <message>
        <source>column %1 is listed twice</source>
        <translation>列 %1 列出了两次</translation>
    </message>
    <message>
        <source>the VALUES tuple is not closed</source>
        <translation>VALUES 元组没有闭合</translation>
    </message>
    <message>
        <source>VALUES may only hold :name placeholders, not &quot;%1&quot;</source>
        <translation>VALUES 中只能有 :name 占位符，不能有 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1 columns but %2 placeholders in VALUES</source>
        <translation>%1 个列，但 VALUES 中有 %2 个占位符</translation>
    </message>
    <message>
        <source>unexpected text after VALUES: &quot;%1&quot; (only ON DUPLICATE KEY UPDATE may follow)</source>
        <translation>VALUES 之后有多余的文字：&quot;%1&quot;（只能跟 ON DUPLICATE KEY UPDATE）</translation>
    </message>
    <message>
        <source>ON DUPLICATE KEY UPDATE accepts only &quot;col = VALUES(col)&quot; assignments, not &quot;%1&quot;</source>
        <translation>ON DUPLICATE KEY UPDATE 只接受 &quot;col = VALUES(col)&quot; 形式的赋值，不接受 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>a project file is a JSON object; this file holds a %1</source>
        <translation>项目文件是一个 JSON 对象；这个文件包含的是 %1</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1 connections have no account field &quot;%2&quot;%3</source>
        <translation>%1 连接没有账号字段 &quot;%2&quot;%3</translation>
    </message>
    <message>
        <source>a secret reference is {&quot;env&quot;: &quot;NAME&quot;}, {&quot;keychain&quot;: &quot;service/key&quot;} or {&quot;plain&quot;: &quot;value&quot;}</source>
        <translation>密钥引用是 {&quot;env&quot;: &quot;NAME&quot;}、{&quot;keychain&quot;: &quot;service/key&quot;} 或 {&quot;plain&quot;: &quot;value&quot;}</translation>
    </message>
    <message>
        <source>must be a string or a secret reference, not %1</source>
        <translation>必须是字符串或密钥引用，而不是 %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a secret: write {&quot;env&quot;: &quot;VARIABLE&quot;} or {&quot;keychain&quot;: &quot;service/key&quot;} instead of the value, so it never lands in the project file</source>
        <translation>&quot;%1&quot; 是密钥：请写 {&quot;env&quot;: &quot;VARIABLE&quot;} 或 {&quot;keychain&quot;: &quot;service/key&quot;}，而不是值本身，这样它永远不会进入项目文件</translation>
    </message>
    <message>
        <source>unknown connection type &quot;%1&quot;%2; known types: %3</source>
        <translation>未知的连接类型 &quot;%1&quot;%2；已知类型：%3</translation>
    </message>
    <message>
        <source>a request entry is an object like {&quot;field&quot;: &quot;name&quot;, &quot;value&quot;: &quot;{name}&quot;}</source>
        <translation>请求项是一个对象，例如 {&quot;field&quot;: &quot;name&quot;, &quot;value&quot;: &quot;{name}&quot;}</translation>
    </message>
    <message>
        <source>every request entry needs a &quot;field&quot; name</source>
        <translation>每个请求项都需要一个 &quot;field&quot; 名称</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; is ignored%2</source>
        <translation>未知的键 &quot;%1&quot; 被忽略%2</translation>
    </message>
    <message>
        <source>a parser is {&quot;name&quot;: &quot;ConvertObjectParser&quot;, &quot;params&quot;: &quot;FNumber&quot;}</source>
        <translation>解析器形如 {&quot;name&quot;: &quot;ConvertObjectParser&quot;, &quot;params&quot;: &quot;FNumber&quot;}</translation>
    </message>
    <message>
        <source>must be an array</source>
        <translation>必须是数组</translation>
    </message>
    <message>
        <source>unknown metadata key &quot;%1&quot; is kept but ignored%2</source>
        <translation>未知的元数据键 &quot;%1&quot; 会保留但被忽略%2</translation>
    </message>
    <message>
        <source>must be an array of {&quot;field&quot;, &quot;value&quot;} entries</source>
        <translation>必须是由 {&quot;field&quot;, &quot;value&quot;} 项组成的数组</translation>
    </message>
    <message>
        <source>effect is QUERY (a source) or EXECUTE (a target), not &quot;%1&quot;</source>
        <translation>effect 是 QUERY（源）或 EXECUTE（目标），而不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>an interval schedule needs &quot;everyMinutes&quot;</source>
        <translation>间隔调度需要 &quot;everyMinutes&quot;</translation>
    </message>
    <message>
        <source>schedule kind is manual, interval or cron, not &quot;%1&quot;</source>
        <translation>调度类型是 manual、interval 或 cron，而不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>a cron schedule needs &quot;cron&quot;, e.g. &quot;*/15 * * * *&quot;</source>
        <translation>cron 调度需要 &quot;cron&quot;，例如 &quot;*/15 * * * *&quot;</translation>
    </message>
    <message>
        <source>a scheme needs a &quot;source&quot;</source>
        <translation>方案需要一个 &quot;source&quot;</translation>
    </message>
    <message>
        <source>a scheme needs a &quot;target&quot;</source>
        <translation>方案需要一个 &quot;target&quot;</translation>
    </message>
    <message>
        <source>a step is an object with &quot;id&quot; and &quot;type&quot;</source>
        <translation>步骤是一个带 &quot;id&quot; 和 &quot;type&quot; 的对象</translation>
    </message>
    <message>
        <source>step id &quot;%1&quot; is used twice in this scheme</source>
        <translation>步骤 id &quot;%1&quot; 在本方案中使用了两次</translation>
    </message>
    <message>
        <source>not a Weft project: expected &quot;format&quot;: &quot;%1&quot;</source>
        <translation>不是 Weft 项目：应为 &quot;format&quot;: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected &quot;version&quot;: %1</source>
        <translation>应为 &quot;version&quot;: %1</translation>
    </message>
    <message>
        <source>this file was written by a newer Weft (format version %1); this build reads version %2: update Weft</source>
        <translation>这个文件由更新版本的 Weft 写入（格式版本 %1）；本版本只能读取版本 %2：请更新 Weft</translation>
    </message>
    <message>
        <source>unsupported format version %1; expected %2</source>
        <translation>不支持的格式版本 %1；应为 %2</translation>
    </message>
    <message>
        <source>a connection is an object with &quot;name&quot; and &quot;type&quot;</source>
        <translation>连接是一个带 &quot;name&quot; 和 &quot;type&quot; 的对象</translation>
    </message>
    <message>
        <source>connection name &quot;%1&quot; is used twice</source>
        <translation>连接名 &quot;%1&quot; 使用了两次</translation>
    </message>
    <message>
        <source>a value map is an object of code → value</source>
        <translation>值映射是一个 代码 → 值 的对象</translation>
    </message>
    <message>
        <source>a scheme is an object with &quot;name&quot;, &quot;source&quot; and &quot;target&quot;</source>
        <translation>方案是一个带 &quot;name&quot;、&quot;source&quot; 和 &quot;target&quot; 的对象</translation>
    </message>
    <message>
        <source>scheme name &quot;%1&quot; is used twice</source>
        <translation>方案名 &quot;%1&quot; 使用了两次</translation>
    </message>
    <message>
        <source>%1 connections need a &quot;baseUrl&quot;</source>
        <translation>%1 连接需要 &quot;baseUrl&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http:// or https:// URL</source>
        <translation>&quot;%1&quot; 不是 http:// 或 https:// 网址</translation>
    </message>
    <message>
        <source>environment variable %1 is not set and has no default</source>
        <translation>环境变量 %1 未设置，也没有默认值</translation>
    </message>
    <message>
        <source>TLS certificate verification is off for this connection: anyone on the network path can read and change its traffic</source>
        <translation>此连接关闭了 TLS 证书验证：网络路径上的任何人都能读取和篡改它的通信</translation>
    </message>
    <message>
        <source>%1 connections need the account field &quot;%2&quot; (%3)</source>
        <translation>%1 连接需要账号字段 &quot;%2&quot;（%3）</translation>
    </message>
    <message>
        <source>the secret is stored in plain text in the project file; use {&quot;env&quot;: &quot;NAME&quot;} or {&quot;keychain&quot;: &quot;service/key&quot;}</source>
        <translation>密钥以明文保存在项目文件中；请使用 {&quot;env&quot;: &quot;NAME&quot;} 或 {&quot;keychain&quot;: &quot;service/key&quot;}</translation>
    </message>
    <message>
        <source>environment variable %1 is not set; runs will stop with an authentication error</source>
        <translation>环境变量 %1 未设置；运行会因认证错误而停止</translation>
    </message>
    <message>
        <source>loginMethod is &quot;appSecret&quot; or &quot;password&quot;</source>
        <translation>loginMethod 是 &quot;appSecret&quot; 或 &quot;password&quot;</translation>
    </message>
    <message>
        <source>logging in by %1 needs the account field &quot;%2&quot;</source>
        <translation>通过 %1 登录需要账号字段 &quot;%2&quot;</translation>
    </message>
    <message>
        <source>logging in by app secret needs the account field &quot;appId&quot;</source>
        <translation>通过应用密钥登录需要账号字段 &quot;appId&quot;</translation>
    </message>
    <message>
        <source>a MySQL target needs &quot;main_sql&quot;, e.g. &quot;REPLACE INTO t(a, b) VALUES&quot;, with one request field per column</source>
        <translation>MySQL 目标需要 &quot;main_sql&quot;，例如 &quot;REPLACE INTO t(a, b) VALUES&quot;，并且每一列有一个请求字段</translation>
    </message>
    <message>
        <source>column %1 has no request field &quot;%1&quot; giving its value%2</source>
        <translation>列 %1 没有提供其值的请求字段 &quot;%1&quot;%2</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; is not a column of main_sql and is not written</source>
        <translation>字段 &quot;%1&quot; 不是 main_sql 的列，不会被写入</translation>
    </message>
    <message>
        <source>&quot;limit&quot; must be a positive number of rows per statement</source>
        <translation>&quot;limit&quot; 必须是每条语句的正行数</translation>
    </message>
    <message>
        <source>&quot;limit&quot; above 5000 rows per statement risks exceeding the server&apos;s max_allowed_packet</source>
        <translation>&quot;limit&quot; 超过每条语句 5000 行可能超出服务器的 max_allowed_packet</translation>
    </message>
    <message>
        <source>no connection named &quot;%1&quot;%2</source>
        <translation>没有名为 &quot;%1&quot; 的连接%2</translation>
    </message>
    <message>
        <source>%1 connections cannot be a source</source>
        <translation>%1 连接不能作为源</translation>
    </message>
    <message>
        <source>%1 connections cannot be a target</source>
        <translation>%1 连接不能作为目标</translation>
    </message>
    <message>
        <source>a %1 has effect %2</source>
        <translation>%1 的 effect 是 %2</translation>
    </message>
    <message>
        <source>the %1 metadata needs &quot;api&quot;: the endpoint or operation</source>
        <translation>%1 元数据需要 &quot;api&quot;：接口或操作</translation>
    </message>
    <message>
        <source>delivery is at-least-once: after a crash or a lost answer a record may reach the target twice</source>
        <translation>投递方式为至少一次：崩溃或丢失应答之后，一条记录可能到达目标两次</translation>
    </message>
    <message>
        <source>the source says neither where its records are (&quot;responsePath&quot;) nor how a successful answer looks (&quot;successPath&quot; + &quot;successValue&quot;, or &quot;errorPath&quot;): an error answered with HTTP 200, such as {&quot;code&quot;: 500, &quot;errors&quot;: []}, would read as an empty page and the cursor would move past its window</source>
        <translation>源既没有说明记录在哪里（&quot;responsePath&quot;），也没有说明成功的应答是什么样（&quot;successPath&quot; + &quot;successValue&quot;，或 &quot;errorPath&quot;）：以 HTTP 200 返回的错误，例如 {&quot;code&quot;: 500, &quot;errors&quot;: []}，会被当作空页，游标会越过它的时间窗口</translation>
    </message>
    <message>
        <source>a MySQL source needs &quot;sql&quot;: the SELECT to read</source>
        <translation>MySQL 源需要 &quot;sql&quot;：要读取的 SELECT</translation>
    </message>
    <message>
        <source>K3Cloud calls need a FormId (e.g. BD_MATERIAL) in request or otherRequest</source>
        <translation>K3Cloud 调用需要在 request 或 otherRequest 中给出 FormId（例如 BD_MATERIAL）</translation>
    </message>
    <message>
        <source>beatFlat lists array field names, not templates</source>
        <translation>beatFlat 列出的是数组字段名，不是模板</translation>
    </message>
    <message>
        <source>a flatten step needs &quot;arrays&quot;: the array fields to explode into one record per element</source>
        <translation>展开步骤需要 &quot;arrays&quot;：要展开为每个元素一条记录的数组字段</translation>
    </message>
    <message>
        <source>a filter step needs &quot;condition&quot;, e.g. &quot;_function {status} &lt;&gt; &apos;cancelled&apos;&quot;; records where it is true are kept</source>
        <translation>过滤步骤需要 &quot;condition&quot;，例如 &quot;_function {status} &lt;&gt; &apos;cancelled&apos;&quot;；条件为真的记录被保留</translation>
    </message>
    <message>
        <source>a lookup step needs &quot;fields&quot;: [{&quot;field&quot;: &quot;new&quot;, &quot;value&quot;: &quot;_findCollection …&quot;}]</source>
        <translation>查找步骤需要 &quot;fields&quot;：[{&quot;field&quot;: &quot;new&quot;, &quot;value&quot;: &quot;_findCollection …&quot;}]</translation>
    </message>
    <message>
        <source>a validate step needs &quot;rules&quot;: [{&quot;field&quot;: &quot;x&quot;, &quot;required&quot;: true}]</source>
        <translation>校验步骤需要 &quot;rules&quot;：[{&quot;field&quot;: &quot;x&quot;, &quot;required&quot;: true}]</translation>
    </message>
    <message>
        <source>an alert rule is an object</source>
        <translation>告警规则是一个对象</translation>
    </message>
    <message>
        <source>another alert rule is also named &quot;%1&quot;</source>
        <translation>另一条告警规则也叫 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>no scheme named &quot;%1&quot;%2</source>
        <translation>没有名为 &quot;%1&quot; 的方案%2</translation>
    </message>
    <message>
        <source>a scheme cannot run after itself</source>
        <translation>方案不能在它自己之后运行</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>environment variable </source>
        <translation>环境变量 </translation>
    </message>
    <message>
        <source>keychain entry </source>
        <translation>钥匙串条目 </translation>
    </message>
    <message>
        <source>plain text in the project file</source>
        <translation>项目文件中的明文</translation>
    </message>
    <message>
        <source>unknown step type &quot;%1&quot;%2; known types: %3</source>
        <translation>未知的步骤类型 &quot;%1&quot;%2；已知类型：%3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a parameter or field of %2 in the catalogue%3</source>
        <translation>&quot;%1&quot; 不是目录中 %2 的参数或字段%3</translation>
    </message>
    <message>
        <source>&quot;catalog&quot; names a catalogue entry as &quot;&lt;system&gt;/&lt;endpoint&gt;&quot;</source>
        <translation>&quot;catalog&quot; 以 &quot;&lt;system&gt;/&lt;endpoint&gt;&quot; 指定目录条目</translation>
    </message>
    <message>
        <source>unknown catalogue entry &quot;%1&quot;%2 (docs/catalog.md lists them)</source>
        <translation>未知的目录条目 &quot;%1&quot;%2（docs/catalog.md 列出了全部条目）</translation>
    </message>
    <message>
        <source>%1 is an entry for %2 connections; connection &quot;%3&quot; is %4</source>
        <translation>%1 是 %2 连接的条目；连接 &quot;%3&quot; 是 %4</translation>
    </message>
    <message>
        <source>%1 is a %2 entry, used here as the %3</source>
        <translation>%1 是 %2 条目，这里却用作 %3</translation>
    </message>
    <message>
        <source>%1 is &quot;%2&quot;; the catalogue&apos;s %3 says &quot;%4&quot;</source>
        <translation>%1 是 &quot;%2&quot;；目录中 %3 的值是 &quot;%4&quot;</translation>
    </message>
    <message>
        <source>FormId is &quot;%1&quot;; the catalogue&apos;s %2 says &quot;%3&quot;</source>
        <translation>FormId 是 &quot;%1&quot;；目录中 %2 的值是 &quot;%3&quot;</translation>
    </message>
    <message>
        <source>%1 requires &quot;%2&quot; (%3), which the request does not give</source>
        <translation>%1 需要 &quot;%2&quot;（%3），但请求中没有给出</translation>
    </message>
    <message>
        <source>FieldKeys names %1, which %2 in the catalogue does not list</source>
        <translation>FieldKeys 指定了 %1，但目录中的 %2 没有列出它</translation>
    </message>
    <message>
        <source> (did you mean %1?)</source>
        <translation>（是不是 %1？）</translation>
    </message>
    <message>
        <source>variables are an object of NAME → value or secret reference</source>
        <translation>variables 是由 NAME → 值或密钥引用组成的对象</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be a variable name: a letter or _, then letters, digits or _</source>
        <translation>"%1" 不能作为变量名：应以字母或 _ 开头，其后为字母、数字或 _</translation>
    </message>
    <message>
        <source>an environment is an object like {&quot;name&quot;: &quot;生产&quot;, &quot;variables&quot;: {…}}</source>
        <translation>环境是形如 {"name": "生产", "variables": {…}} 的对象</translation>
    </message>
    <message>
        <source>environment name &quot;%1&quot; is used twice</source>
        <translation>环境名 "%1" 被使用了两次</translation>
    </message>
    <message>
        <source>no environment named &quot;%1&quot;%2</source>
        <translation>没有名为 "%1" 的环境%2</translation>
    </message>
    <message>
        <source>no environment named &quot;%1&quot;%2; the project has: %3</source>
        <translation>没有名为 "%1" 的环境%2；项目中有：%3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>in environment &quot;%1&quot;: %2</source>
        <translation>在环境 "%1" 中：%2</translation>
    </message>
    <message>
        <source>in environment &quot;%1&quot;: environment variable %2 is not set</source>
        <translation>在环境 "%1" 中：环境变量 %2 未设置</translation>
    </message>
</context>
<context>
    <name>weft::RunText</name>
    <message>
        <source>no scheme named &apos;%1&apos; (schemes: %2)</source>
        <translation>没有名为 &apos;%1&apos; 的方案（现有方案：%2）</translation>
    </message>
    <message>
        <source>the lease on the scheme could not be renewed (%1): the run stops before its next write, so that no other process running the scheme meanwhile writes alongside it</source>
        <translation>无法续期方案的租约（%1）：运行在下一次写入前停止，以免同时运行该方案的其他进程与它一起写入</translation>
    </message>
    <message>
        <source>the lease on the scheme was taken over by %1 while this run was not renewing it (paused, or cut off longer than the lease): the run stops before its next write</source>
        <translation>本次运行未能续期时（被暂停，或断开超过租约时长），方案的租约已被 %1 接管：运行在下一次写入前停止</translation>
    </message>
    <message>
        <source>scheme &apos;%1&apos;: no connection named &apos;%2&apos;</source>
        <translation>方案 &apos;%1&apos;：没有名为 &apos;%2&apos; 的连接</translation>
    </message>
    <message>
        <source>retrying %1 (%2), attempt %3 in %4 ms</source>
        <translation>正在重试 %1（%2），%4 毫秒后第 %3 次尝试</translation>
    </message>
    <message>
        <source>recording the run&apos;s start</source>
        <translation>记录运行开始</translation>
    </message>
    <message>
        <source>reading the batches earlier runs left in flight</source>
        <translation>读取之前运行遗留的未决批次</translation>
    </message>
    <message>
        <source>cannot tell whether batch %1 (%2 records, left in flight by run %3 on %4) reached %5: %6 — the run stops before reading anything, so that nothing is written twice; the next run asks again</source>
        <translation>无法判断批次 %1（%2 条记录，由 %4 上的运行 %3 遗留）是否已到达 %5：%6 — 运行在读取任何数据前停止，以免重复写入；下一次运行会再次询问</translation>
    </message>
    <message>
        <source>recording what became of batch %1</source>
        <translation>记录批次 %1 的结果</translation>
    </message>
    <message>
        <source>its lease lapsed — the process running it ended, or was paused or cut off past the lease — and the next run took over</source>
        <translation>它的租约已过期 — 运行它的进程已结束，或被暂停、断开超过租约时长 — 下一次运行已接管</translation>
    </message>
    <message>
        <source>scheme &apos;%1&apos; has a backfill in progress (weft-run backfill --status): an ordinary run would move its sync time past the windows not done yet; not started</source>
        <translation>方案 &apos;%1&apos; 正在回填（weft-run backfill --status）：普通运行会把同步时间移过尚未完成的时间窗口；未启动</translation>
    </message>
    <message>
        <source>scheme &apos;%1&apos; is running elsewhere (%2); not started twice</source>
        <translation>方案 &apos;%1&apos; 正在别处运行（%2）；不会重复启动</translation>
    </message>
    <message>
        <source>scheme &apos;%1&apos; is running elsewhere (%2); retry later</source>
        <translation>方案 &apos;%1&apos; 正在别处运行（%2）；请稍后重试</translation>
    </message>
    <message>
        <source>scheme &apos;%1&apos;: its source cannot be read by time window, so it cannot be backfilled window by window; run it whole (weft-run run --full)</source>
        <translation>方案 &apos;%1&apos;：它的源不能按时间窗口读取，因此无法逐窗口回填；请整体运行（weft-run run --full）</translation>
    </message>
    <message>
        <source>scheme &apos;%1&apos;: source request: %2</source>
        <translation>方案 &apos;%1&apos;：源请求：%2</translation>
    </message>
    <message>
        <source>reading %1 failed: %2 — nothing after this point was read; the next run starts again here</source>
        <translation>读取 %1 失败：%2 — 此后的数据都未读取；下一次运行从这里重新开始</translation>
    </message>
    <message>
        <source>moving the cursor to %1</source>
        <translation>把游标移到 %1</translation>
    </message>
    <message>
        <source>dry run: nothing was written</source>
        <translation>试运行：未写入任何数据</translation>
    </message>
    <message>
        <source>%1 records failed; see weft-run failed</source>
        <translation>%1 条记录失败；见 weft-run failed</translation>
    </message>
    <message>
        <source>recording %1 records that failed their mapping</source>
        <translation>记录 %1 条映射失败的记录</translation>
    </message>
    <message>
        <source>another record of this run has the same id %1: the source&apos;s id field (or the target&apos;s) must be unique, or one record overwrites the other</source>
        <translation>本次运行中另一条记录的 id 也是 %1：源（或目标）的 id 字段必须唯一，否则一条记录会覆盖另一条</translation>
    </message>
    <message>
        <source>noting %1 records met again unchanged</source>
        <translation>记下 %1 条再次遇到且未变化的记录</translation>
    </message>
    <message>
        <source>journalling a batch of %1 records before writing it</source>
        <translation>在写入前登记一个 %1 条记录的批次</translation>
    </message>
    <message>
        <source>recording the outcome of batch %1 (%2 written, %3 failed)</source>
        <translation>记录批次 %1 的结果（写入 %2，失败 %3）</translation>
    </message>
    <message>
        <source>%1 while %2 — this run stops without writing anything more; the process that holds the scheme now carries on</source>
        <translation>%2 时 %1 — 本次运行停止，不再写入任何数据；现在持有该方案的进程会继续</translation>
    </message>
    <message>
        <source>the state store failed while %1: %2 — the run stops; the cursor stays where it was and the next run reads from there again, so nothing is lost</source>
        <translation>%1 时状态存储出错：%2 — 运行停止；游标保持原位，下一次运行从那里重新读取，不会丢失数据</translation>
    </message>
    <message>
        <source>writing to %1 failed: %2 — the run stops here; records not written are read again by the next run</source>
        <translation>写入 %1 失败：%2 — 运行在此停止；未写入的记录会由下一次运行重新读取</translation>
    </message>
    <message>
        <source>recording %1 failed records</source>
        <translation>记录 %1 条失败记录</translation>
    </message>
    <message>
        <source>%1 records failed, the scheme&apos;s limit (errorPolicy.maxFailedRecords): stopping</source>
        <translation>%1 条记录失败，达到方案的上限（errorPolicy.maxFailedRecords）：停止</translation>
    </message>
    <message>
        <source>matches</source>
        <translation>一致</translation>
    </message>
    <message>
        <source>records missing — window failed</source>
        <translation>缺少记录——窗口失败</translation>
    </message>
    <message>
        <source>more than reported</source>
        <translation>多于报告数</translation>
    </message>
    <message>
        <source>no total from the source</source>
        <translation>数据源未提供总数</translation>
    </message>
    <message>
        <source>stopped by --limit</source>
        <translation>因 --limit 停止</translation>
    </message>
    <message>
        <source>Quality report: %1</source>
        <translation>质量报告：%1</translation>
    </message>
    <message>
        <source>Quality report</source>
        <translation>质量报告</translation>
    </message>
    <message>
        <source>Scheme %1, run %2</source>
        <translation>集成方案 %1，运行 %2</translation>
    </message>
    <message>
        <source>Started %1, outcome %2</source>
        <translation>开始于 %1，结果 %2</translation>
    </message>
    <message>
        <source>Read %1, written %2, skipped %3, failed %4</source>
        <translation>读取 %1，写入 %2，跳过 %3，失败 %4</translation>
    </message>
    <message>
        <source>Reconciliation per window</source>
        <translation>按时间窗口对账</translation>
    </message>
    <message>
        <source>No window was read to its end.</source>
        <translation>没有读完的时间窗口。</translation>
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
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Validate rules</source>
        <translation>校验规则</translation>
    </message>
    <message>
        <source>The scheme checks no rules.</source>
        <translation>该集成方案没有校验规则。</translation>
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
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Per field</source>
        <translation>按字段</translation>
    </message>
    <message>
        <source>Made by Weft on %1</source>
        <translation>由 Weft 生成于 %1</translation>
    </message>
    <message>
        <source>window %1: the source reported %2 records but its %3 pages held only %4 — %5 missing; the window failed and the cursor stays before it, so the next run reads it again</source>
        <translation>时间窗口 %1：数据源报告有 %2 条记录，但其 %3 页只包含 %4 条——缺少 %5 条；该窗口失败，游标停在它之前，下次运行会重新读取</translation>
    </message>
</context>
</TS>
