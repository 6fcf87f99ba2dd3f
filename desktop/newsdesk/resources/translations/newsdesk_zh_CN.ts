<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountDialog</name>
    <message>
        <source>Add account</source>
        <translation>添加账号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>频道</translation>
    </message>
</context>
<context>
    <name>Admin</name>
    <message>
        <source>Content should pass at least two review levels (初审 and 复审, 001 §5.3.2); this channel has one.</source>
        <translation>内容应至少经过初审、复审两级审核（001 §5.3.2），本频道只有一级。</translation>
    </message>
    <message>
        <source>One person may approve two levels here, so one reader can stand for two reviews.</source>
        <translation>本频道允许同一人审核两级，一人即可代替两次审核。</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <source>Only administrators manage users and channels. Ask an administrator if you need a role in a channel or a change to one.</source>
        <translation>只有系统管理员可以管理用户和频道。如需在某个频道获得角色或修改频道设置，请联系系统管理员。</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>You are an auditor: you see everything here and change nothing.</source>
        <translation>您是审计员：可以查看这里的全部内容，但不能做任何修改。</translation>
    </message>
</context>
<context>
    <name>Archive</name>
    <message>
        <source>Correction under way</source>
        <translation>更正中</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>发布终端</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Last published</source>
        <translation>最近发布</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>发布时间</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>签发人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>更正说明</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>已撤回</translation>
    </message>
</context>
<context>
    <name>ArticleEditor</name>
    <message>
        <source>Checks</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Loading word lists…</source>
        <translation>正在加载词表…</translation>
    </message>
    <message>
        <source>Someone else&apos;s edit of this article crossed yours: yours is kept as a conflict revision. Merge them when you are ready.</source>
        <translation>他人对这篇稿件的修改与您的修改发生了交叉：您的版本已保存为冲突修订。准备好后请合并。</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史版本</translation>
    </message>
    <message>
        <source>Review notes</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation>送审</translation>
    </message>
    <message>
        <source>…and {count} more.</source>
        <translation>……另有 {count} 项。</translation>
    </message>
    <message>
        <source>Submit with open findings?</source>
        <translation>仍有检查结果未处理，确定提交？</translation>
    </message>
    <message>
        <source>The checks found {count} problem(s) in what will be published:</source>
        <translation>检查发现待发布内容中有 {count} 处问题：</translation>
    </message>
    <message>
        <source>The reviewers will see that you submitted over them.</source>
        <translation>审核人员将看到您在未处理这些问题的情况下提交。</translation>
    </message>
    <message>
        <source>Submit anyway</source>
        <translation>仍然提交</translation>
    </message>
    <message>
        <source>This article no longer exists.</source>
        <translation>该稿件已不存在。</translation>
    </message>
    <message>
        <source>Save and send the article to the reviewers (Ctrl+Shift+Enter)</source>
        <translation>保存并提交给审核人（Ctrl+Shift+Enter）</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>所有改动均已保存</translation>
    </message>
    <message>
        <source>“{name}” is larger than {limit} MB.</source>
        <translation>“{name}”超过 {limit} MB。</translation>
    </message>
    <message>
        <source>Your changes were not saved: {reason} They are still here.</source>
        <translation>改动未能保存：{reason} 内容仍保留在编辑器中。</translation>
    </message>
    <message>
        <source>The article was not submitted: {error}</source>
        <translation>稿件未能送审：{error}</translation>
    </message>
    <message>
        <source>Word lists could not be read: {error}</source>
        <translation>无法读取词表：{error}</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <source>This is the first revision: nothing to compare.</source>
        <translation>这是第一版，没有可对比的内容。</translation>
    </message>
    <message>
        <source>Review history</source>
        <translation>审核记录</translation>
    </message>
    <message>
        <source>Revision / level</source>
        <translation>版本 / 级别</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>稿件</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Article body</source>
        <translation>稿件正文</translation>
    </message>
    <message>
        <source>All fields</source>
        <translation>全部字段</translation>
    </message>
    <message>
        <source>As published</source>
        <translation>发布效果</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>改动</translation>
    </message>
    <message>
        <source>History</source>
        <translation>审核记录</translation>
    </message>
    <message>
        <source>Revision {number} by {author}, {when}</source>
        <translation>第 {number} 版，{author}，{when}</translation>
    </message>
    <message>
        <source>Loading the word lists…</source>
        <translation>正在加载词表…</translation>
    </message>
    <message>
        <source>The writer submitted over {count} open finding(s):</source>
        <translation>作者提交时有 {count} 项检查结果未处理：</translation>
    </message>
    <message>
        <source>{field}: {finding}</source>
        <translation>{field}：{finding}</translation>
    </message>
    <message>
        <source>No sensitive words, personal data or punctuation problems found.</source>
        <translation>未发现敏感词、个人信息或标点问题。</translation>
    </message>
    <message>
        <source>Findings ({count})</source>
        <translation>检查结果（{count}）</translation>
    </message>
    <message>
        <source>Revision {number}</source>
        <translation>第 {number} 版</translation>
    </message>
    <message>
        <source>No decision yet</source>
        <translation>尚无审核结论</translation>
    </message>
</context>
<context>
    <name>ArticlesModel</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改时间</translation>
    </message>
</context>
<context>
    <name>ArticlesPage</name>
    <message>
        <source>Filter by title</source>
        <translation>按标题筛选</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>稿件</translation>
    </message>
    <message>
        <source>Double-click an article in the list to open it here. Several articles can be open at once.</source>
        <translation>双击左侧列表中的稿件即可在此打开，可同时打开多篇稿件。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign topic</source>
        <translation>指派选题</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Open tasks</source>
        <translation>进行中的任务</translation>
    </message>
    <message>
        <source>Search by name or login</source>
        <translation>按姓名或登录名搜索</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>指派</translation>
    </message>
    <message>
        <source>Choose the editors of “{channel}” who write it, and when it is due.</source>
        <translation>选择负责撰写的“{channel}”频道编辑，并设定截止日期。</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>素材</translation>
    </message>
    <message>
        <source>Assign “{title}”</source>
        <translation>指派“{title}”</translation>
    </message>
    <message>
        <source>Loading the editors of “{channel}”…</source>
        <translation>正在读取“{channel}”频道的编辑……</translation>
    </message>
    <message>
        <source>Chosen: {count}</source>
        <translation>已选 {count} 人</translation>
    </message>
    <message>
        <source>No one holds the editor role in “{channel}” yet; an administrator can grant it.</source>
        <translation>“{channel}”频道还没有编辑；可请系统管理员授予编辑角色。</translation>
    </message>
    <message>
        <source>The due date cannot be in the past.</source>
        <translation>截止日期不能早于今天。</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>Signed in</source>
        <translation>登录成功</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Sign-in throttled</source>
        <translation>登录受限</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Wrong current password</source>
        <translation>当前密码错误</translation>
    </message>
    <message>
        <source>Signed in offline</source>
        <translation>离线登录</translation>
    </message>
    <message>
        <source>Login unlocked</source>
        <translation>账号解锁</translation>
    </message>
    <message>
        <source>Change accepted</source>
        <translation>操作已接受</translation>
    </message>
    <message>
        <source>Change refused</source>
        <translation>操作被拒绝</translation>
    </message>
    <message>
        <source>Forbidden attempt</source>
        <translation>越权尝试</translation>
    </message>
    <message>
        <source>Exported on a desktop</source>
        <translation>桌面端导出</translation>
    </message>
    <message>
        <source>Published from a desktop</source>
        <translation>桌面端发布</translation>
    </message>
    <message>
        <source>Audit log read</source>
        <translation>查阅审计日志</translation>
    </message>
    <message>
        <source>Old entries archived</source>
        <translation>旧日志已归档</translation>
    </message>
    <message>
        <source>Ledger sealed</source>
        <translation>账本已封存</translation>
    </message>
    <message>
        <source>Restored from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>throttled</source>
        <translation>受限</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>forbidden</source>
        <translation>越权</translation>
    </message>
    <message>
        <source>{count} failed sign-ins for {subject} (latest {when})</source>
        <translation>{subject} 登录失败 {count} 次（最近一次 {when}）</translation>
    </message>
    <message>
        <source>{subject} signed in at an unusual hour ({when})</source>
        <translation>{subject} 在非常规时段登录（{when}）</translation>
    </message>
    <message>
        <source>{subject} signed in from a new address {detail} ({when})</source>
        <translation>{subject} 从新地址 {detail} 登录（{when}）</translation>
    </message>
    <message>
        <source>{subject} deleted or retracted {count} items within an hour ({when})</source>
        <translation>{subject} 一小时内删除或撤回了 {count} 条内容（{when}）</translation>
    </message>
    <message>
        <source>{subject} changed roles or users: {detail} ({when})</source>
        <translation>{subject} 变更了角色或用户：{detail}（{when}）</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源地址</translation>
    </message>
    <message>
        <source>On what</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Every kind</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Desktop exports and publications</source>
        <translation>桌面端导出与发布</translation>
    </message>
    <message>
        <source>The audit log itself</source>
        <translation>审计日志本身</translation>
    </message>
    <message>
        <source>Any result</source>
        <translation>全部结果</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Verify the chain</source>
        <translation>校验日志链</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Audit entries</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>The audit log is kept by the newsroom server; this workspace does not sync with one.</source>
        <translation>审计日志保存在采编服务器上；本工作区没有与服务器同步。</translation>
    </message>
    <message>
        <source>Reading the audit log…</source>
        <translation>正在读取审计日志…</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s) shown</source>
        <translation>
            <numerusform>显示 %n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source> (the newest; narrow the filter to see older ones)</source>
        <translation>（最新的若干条；缩小筛选范围可查看更早的记录）</translation>
    </message>
    <message>
        <source>Verifying the chain…</source>
        <translation>正在校验日志链…</translation>
    </message>
    <message>
        <source>The chain verifies: {count} entries intact, none missing, and the users, channels, roles and accepted changes are the ones it recorded.</source>
        <translation>日志链校验通过：{count} 条记录完整，无缺失；用户、频道、角色和已接受的操作均与日志记录一致。</translation>
    </message>
    <message>
        <source>The chain does NOT verify: {problem} (entry {seq}). Tell the server&apos;s administrator; keep the database and its backups as they are.</source>
        <translation>日志链校验未通过：{problem}（第 {seq} 条）。请告知服务器管理员，并保持数据库及其备份原样。</translation>
    </message>
    <message>
        <source>Export the audit entries</source>
        <translation>导出审计记录</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Wrote {count} entries to {path}.</source>
        <translation>已将 {count} 条记录写入 {path}。</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的改动</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Saved at {time}</source>
        <translation>已于 {time} 保存</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>未保存：{error}</translation>
    </message>
</context>
<context>
    <name>Bell</name>
    <message>
        <source>Notifications: %n unread</source>
        <translation>通知：%n 条未读</translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation>通知(&amp;N)</translation>
    </message>
</context>
<context>
    <name>Board</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已报题</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Topic library</source>
        <translation>选题库</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>已指派</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>写作中</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <source>Signed off</source>
        <translation>已签发</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
</context>
<context>
    <name>BoardActions</name>
    <message>
        <source>New proposal…</source>
        <translation>新建报题…</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Select into topic library</source>
        <translation>选入选题库</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>指派…</translation>
    </message>
    <message>
        <source>Start writing</source>
        <translation>开始写作</translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation>送审</translation>
    </message>
    <message>
        <source>Withdraw from review</source>
        <translation>撤回送审</translation>
    </message>
    <message>
        <source>Sign off</source>
        <translation>签发</translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>发布…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Sign off and schedule…</source>
        <translation>签发并定时发布…</translation>
    </message>
    <message>
        <source>Change publication time…</source>
        <translation>修改发布时间…</translation>
    </message>
    <message>
        <source>Cancel scheduled publication…</source>
        <translation>取消定时…</translation>
    </message>
    <message>
        <source>Move to previous column</source>
        <translation>移到上一列</translation>
    </message>
    <message>
        <source>Move to next column</source>
        <translation>移到下一列</translation>
    </message>
    <message>
        <source>No shown column in that direction takes “{title}”.</source>
        <translation>该方向上没有可接收“{title}”的列。</translation>
    </message>
    <message>
        <source>Moved “{title}” to “{column}”.</source>
        <translation>已将“{title}”移到“{column}”。</translation>
    </message>
    <message>
        <source>Assigned “{title}” to {names}.</source>
        <translation>已将“{title}”派给{names}。</translation>
    </message>
    <message>
        <source>Sign off and schedule</source>
        <translation>签发并定时发布</translation>
    </message>
    <message>
        <source>Sign off “{title}” and publish it by itself at:</source>
        <translation>签发《{title}》，并在以下时间自动发布：</translation>
    </message>
    <message>
        <source>Signed off “{title}”; it will be published at {time}.</source>
        <translation>已签发《{title}》，将于 {time} 自动发布。</translation>
    </message>
    <message>
        <source>“{title}” will be published at {time}.</source>
        <translation>《{title}》将于 {time} 自动发布。</translation>
    </message>
    <message>
        <source>Change publication time</source>
        <translation>修改发布时间</translation>
    </message>
    <message>
        <source>Publish “{title}” by itself at:</source>
        <translation>《{title}》改在以下时间自动发布：</translation>
    </message>
    <message>
        <source>Change time</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <source>Cancel scheduled publication</source>
        <translation>取消定时</translation>
    </message>
    <message>
        <source>Cancel the publication of “{title}” at {time}?</source>
        <translation>取消《{title}》在 {time} 的定时发布？</translation>
    </message>
    <message>
        <source>It stays signed off: publish it by hand, or schedule it again.</source>
        <translation>稿件仍为已签发状态：可手动发布，或重新设定发布时间。</translation>
    </message>
    <message>
        <source>Keep the time</source>
        <translation>保留定时</translation>
    </message>
    <message>
        <source>“{title}” is no longer scheduled; it stays signed off.</source>
        <translation>已取消《{title}》的定时发布，稿件仍为已签发状态。</translation>
    </message>
    <message>
        <source>Delete proposal</source>
        <translation>删除报题</translation>
    </message>
    <message>
        <source>Delete “{title}”?</source>
        <translation>删除“{title}”？</translation>
    </message>
    <message>
        <source>You can restore it later with “Show deleted”.</source>
        <translation>之后可通过“显示已删除”恢复。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Deleted “{title}”. Turn on “Show deleted” to restore it.</source>
        <translation>已删除“{title}”。打开“显示已删除”可将其恢复。</translation>
    </message>
    <message>
        <source>Restored “{title}”.</source>
        <translation>已恢复“{title}”。</translation>
    </message>
</context>
<context>
    <name>BoardColumn</name>
    <message>
        <source>Expand “{column}”</source>
        <translation>展开“{column}”</translation>
    </message>
    <message>
        <source>Collapse “{column}”</source>
        <translation>收起“{column}”</translation>
    </message>
    <message>
        <source>{title} · {count}</source>
        <translation>{title} · {count}</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) in this column</source>
        <translation>
            <numerusform>本列共 %n 张卡片</numerusform>
        </translation>
    </message>
    <message>
        <source>No cards match the filters</source>
        <translation>没有符合筛选条件的卡片</translation>
    </message>
    <message>
        <source>No cards</source>
        <translation>暂无卡片</translation>
    </message>
    <message numerus="yes">
        <source>%n older: see the Published page</source>
        <translation>
            <numerusform>另有 %n 条较早的，见“已发布”页</numerusform>
        </translation>
    </message>
    <message>
        <source>Drag to change the column&apos;s width; double-click to reset it</source>
        <translation>拖动可调整列宽，双击恢复默认宽度</translation>
    </message>
</context>
<context>
    <name>BoardPage</name>
    <message>
        <source>Details panel</source>
        <translation>详情面板</translation>
    </message>
    <message>
        <source>Publishing rhythm</source>
        <translation>发布节奏</translation>
    </message>
    <message>
        <source>Card menu</source>
        <translation>卡片菜单</translation>
    </message>
    <message>
        <source>assigned to you: {count}</source>
        <translation>指派给你 {count}</translation>
    </message>
    <message>
        <source>returned to you: {count}</source>
        <translation>退回给你 {count}</translation>
    </message>
    <message>
        <source>waiting on your level: {count}</source>
        <translation>待你审核 {count}</translation>
    </message>
    <message>
        <source>to select: {count}</source>
        <translation>待选题 {count}</translation>
    </message>
    <message>
        <source>Needs you — {items}</source>
        <translation>待你处理 — {items}</translation>
    </message>
    <message numerus="yes">
        <source>required within %n day(s)</source>
        <translation>
            <numerusform>要求 %n 天内</numerusform>
        </translation>
    </message>
    <message>
        <source>{channel}: nothing published yet ({required})</source>
        <translation>{channel} 尚未发布过稿件（{required}）</translation>
    </message>
    <message>
        <source>{channel}: nothing published for {days} days ({required})</source>
        <translation>{channel} 已 {days} 天未发布（{required}）</translation>
    </message>
</context>
<context>
    <name>BoardText</name>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>High</source>
        <translation>重要</translation>
    </message>
    <message>
        <source>d MMM</source>
        <translation>M月d日</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Review {level}/{levels}</source>
        <translation>审核 {level}/{levels}</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>Channel: {name}</source>
        <translation>频道：{name}</translation>
    </message>
    <message>
        <source>State: {state}</source>
        <translation>状态：{state}</translation>
    </message>
    <message>
        <source>People: {names}</source>
        <translation>人员：{names}</translation>
    </message>
    <message>
        <source>Due {date}</source>
        <translation>截止 {date}</translation>
    </message>
    <message>
        <source>, overdue</source>
        <translation>，已逾期</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>BodyEditor</name>
    <message>
        <source>Article body</source>
        <translation>稿件正文</translation>
    </message>
    <message>
        <source>“{name}” could not be read: {reason}</source>
        <translation>无法读取“{name}”：{reason}</translation>
    </message>
    <message>
        <source>“{name}” was not inserted: it is not an image Newsdesk can read.</source>
        <translation>未插入“{name}”：采编台无法识别这种图片。</translation>
    </message>
    <message>
        <source>“{name}” was not inserted: it could not be stored as an attachment.</source>
        <translation>未插入“{name}”：无法保存为附件。</translation>
    </message>
    <message>
        <source>“{name}” was not inserted: it is {size} MB, and an image may be at most {limit} MB.</source>
        <translation>未插入“{name}”：图片大小为 {size} MB，上限为 {limit} MB。</translation>
    </message>
    <message>
        <source>Pasted image</source>
        <translation>粘贴的图片</translation>
    </message>
</context>
<context>
    <name>CalendarGrid</name>
    <message>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>定时</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>Working day</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <source>+{count} more</source>
        <translation>还有 {count} 项</translation>
    </message>
    <message>
        <source>{month}/{day}</source>
        <translation>{month}月{day}日</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>Previous</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部频道</translation>
    </message>
    <message>
        <source>Unscheduled</source>
        <translation>未排期</translation>
    </message>
    <message>
        <source>Drag an item onto a day to plan it.</source>
        <translation>将条目拖到某一天即可排期。</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>{month}/{year}</source>
        <translation>{year}年{month}月</translation>
    </message>
    <message>
        <source>{first} – {last}</source>
        <translation>{first} – {last}</translation>
    </message>
    <message>
        <source>{month}/{day}/{year}</source>
        <translation>{year}年{month}月{day}日</translation>
    </message>
    <message>
        <source>Unscheduled ({count})</source>
        <translation>未排期（{count}）</translation>
    </message>
    <message>
        <source>“{title}” will be published at {time}.</source>
        <translation>“{title}”将于 {time} 自动发布。</translation>
    </message>
    <message>
        <source>“{title}” is now planned for {day}.</source>
        <translation>“{title}”已排期到 {day}。</translation>
    </message>
</context>
<context>
    <name>CardDetails</name>
    <message>
        <source>Card details</source>
        <translation>卡片详情</translation>
    </message>
    <message>
        <source>Select a card to see its details.</source>
        <translation>选择一张卡片查看详情。</translation>
    </message>
    <message>
        <source>Returned by {name}</source>
        <translation>{name} 退回</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Proposer</source>
        <translation>报题人</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Assignees</source>
        <translation>承担编辑</translation>
    </message>
    <message>
        <source>{date} (overdue)</source>
        <translation>{date}（已逾期）</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>{time} (due, not published yet)</source>
        <translation>{time}（已到时间，尚未发布）</translation>
    </message>
    <message>
        <source>Publication</source>
        <translation>发布时间</translation>
    </message>
    <message>
        <source>Scheduled by</source>
        <translation>定时设定人</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Angle</source>
        <translation>报道角度</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>素材</translation>
    </message>
    <message numerus="yes">
        <source>%n below</source>
        <translation>
            <numerusform>见下方 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>ChannelDialog</name>
    <message>
        <source>New channel</source>
        <translation>新建频道</translation>
    </message>
    <message>
        <source>Edit channel</source>
        <translation>编辑频道</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>其他…</translation>
    </message>
    <message>
        <source>One person may approve two levels</source>
        <translation>允许同一人审核两级</translation>
    </message>
    <message>
        <source>Typo corrections need only the last level</source>
        <translation>错别字更正只需最后一级审核</translation>
    </message>
    <message>
        <source>A correction that only fixes typos goes straight to the last review level; it is recorded as a typo fix.</source>
        <translation>只改错别字的更正直接进入最后一级审核，并记录为错别字更正。</translation>
    </message>
    <message>
        <source>e.g. 市融媒体中心</source>
        <translation>例如：市融媒体中心</translation>
    </message>
    <message>
        <source>New articles of the channel start with it; every published page prints it, and an article cannot be signed off without it.</source>
        <translation>本频道新稿件默认填写此项；每个发布页面都会显示，缺少此项的稿件不能签发。</translation>
    </message>
    <message>
        <source>The channel&apos;s folder in exported paths (pc/news/…): lower-case letters, digits and hyphens. Empty: the channel&apos;s name.</source>
        <translation>频道在导出路径中的文件夹名（如 pc/news/…）：小写字母、数字和连字符。留空则使用频道名称。</translation>
    </message>
    <message>
        <source>No warning</source>
        <translation>不提醒</translation>
    </message>
    <message>
        <source>The board warns when the channel has published nothing for longer than this (publishing rhythm, 001 §5.3.3.2).</source>
        <translation>频道超过这一天数未发布新稿件时，看板上显示提醒（发布节奏，001 §5.3.3.2）。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Review levels</source>
        <translation>审核级数</translation>
    </message>
    <message>
        <source>Publishes to</source>
        <translation>发布终端</translation>
    </message>
    <message>
        <source>Default source</source>
        <translation>默认来源</translation>
    </message>
    <message>
        <source>Default responsible editor</source>
        <translation>默认责任编辑</translation>
    </message>
    <message>
        <source>Folder in exported paths</source>
        <translation>导出文件夹名</translation>
    </message>
    <message>
        <source>Publish at least every</source>
        <translation>发布间隔不超过</translation>
    </message>
    <message numerus="yes">
        <source> day(s)</source>
        <translation>
            <numerusform> 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Give the channel a name.</source>
        <translation>请填写频道名称。</translation>
    </message>
    <message>
        <source>Choose at least one target to publish to.</source>
        <translation>请至少选择一个发布终端。</translation>
    </message>
    <message>
        <source>The folder name takes lower-case letters, digits and hyphens only.</source>
        <translation>文件夹名只能包含小写字母、数字和连字符。</translation>
    </message>
    <message>
        <source>Channel colour</source>
        <translation>频道颜色</translation>
    </message>
</context>
<context>
    <name>ChannelsModel</name>
    <message>
        <source>Channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>Review levels</source>
        <translation>审核级数</translation>
    </message>
    <message>
        <source>Publishes to</source>
        <translation>发布终端</translation>
    </message>
    <message>
        <source>One person may approve two levels</source>
        <translation>允许同一人审核两级</translation>
    </message>
    <message>
        <source>Typo fixes: last level only</source>
        <translation>错别字更正：仅最后一级</translation>
    </message>
    <message>
        <source>Publish at least every</source>
        <translation>发布间隔不超过</translation>
    </message>
    <message>
        <source>No warning</source>
        <translation>不提醒</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelsTab</name>
    <message>
        <source>No channels yet.</source>
        <translation>还没有频道。</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>New channel…</source>
        <translation>新建频道…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Channel {name} created.</source>
        <translation>已创建频道“{name}”。</translation>
    </message>
    <message>
        <source>Channel {name} saved.</source>
        <translation>已保存频道“{name}”。</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <source>{field}: {finding}</source>
        <translation>{field}：{finding}</translation>
    </message>
    <message>
        <source>Sensitive word “{word}” ({category})</source>
        <translation>敏感词“{word}”（{category}）</translation>
    </message>
    <message>
        <source>Personal data “{found}” ({category})</source>
        <translation>个人信息“{found}”（{category}）</translation>
    </message>
    <message>
        <source>Punctuation “{found}”: write “{better}”</source>
        <translation>标点“{found}”：应为“{better}”</translation>
    </message>
</context>
<context>
    <name>ChecksModel</name>
    <message>
        <source>{word} — {category}</source>
        <translation>{word} — {category}</translation>
    </message>
    <message>
        <source>{found} — {category}</source>
        <translation>{found} — {category}</translation>
    </message>
    <message>
        <source>“{found}” → “{suggestion}”</source>
        <translation>“{found}” → “{suggestion}”</translation>
    </message>
    <message>
        <source>Sensitive word ({category})</source>
        <translation>敏感词（{category}）</translation>
    </message>
    <message>
        <source>Personal data that must not be published</source>
        <translation>不宜公开的个人信息</translation>
    </message>
    <message>
        <source>Punctuation: write “{suggestion}”</source>
        <translation>标点：应写作“{suggestion}”</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <source>Checks</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Fix punctuation</source>
        <translation>修正标点</translation>
    </message>
    <message>
        <source>Apply every punctuation suggestion (one undo step)</source>
        <translation>应用全部标点修改建议（可一次撤销）</translation>
    </message>
    <message>
        <source>Go to</source>
        <translation>定位</translation>
    </message>
    <message>
        <source>Fix: write “{suggestion}”</source>
        <translation>修正：改为“{suggestion}”</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare versions</source>
        <translation>版本对比</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Comparison</source>
        <translation>版本对比</translation>
    </message>
    <message>
        <source>Only changes</source>
        <translation>只看改动</translation>
    </message>
    <message numerus="yes">
        <source>%n paragraph(s) changed</source>
        <translation>
            <numerusform>%n 段有改动</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other field(s) changed</source>
        <translation>
            <numerusform>另有 %n 项信息有改动</numerusform>
        </translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Subtitle</source>
        <translation>副标题</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Responsible editor</source>
        <translation>责任编辑</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Cover image</source>
        <translation>封面图</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>发布终端</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>稿件类型</translation>
    </message>
    <message>
        <source>Original address</source>
        <translation>原文地址</translation>
    </message>
    <message>
        <source>Original published</source>
        <translation>原文发布时间</translation>
    </message>
    <message>
        <source>Image alt texts</source>
        <translation>图片替代文字</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>正文</translation>
    </message>
    <message numerus="yes">
        <source>⋯ %n unchanged paragraph(s)</source>
        <translation>
            <numerusform>⋯ %n 段未改动</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to a newsroom server</source>
        <translation>连接编辑部服务器</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Allow an unencrypted connection (http://) to this server</source>
        <translation>允许与此服务器建立不加密的连接（http://）</translation>
    </message>
    <message>
        <source>Only on a network you trust: passwords and articles cross it in clear text.</source>
        <translation>仅限可信网络：密码和稿件会以明文在网络上传输。</translation>
    </message>
    <message>
        <source>Workspace folder</source>
        <translation>工作区文件夹</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Folder for the workspace</source>
        <translation>工作区所在文件夹</translation>
    </message>
    <message>
        <source>Choose a folder for the workspace.</source>
        <translation>请为工作区选择一个文件夹。</translation>
    </message>
    <message>
        <source>The server address must start with http:// or https://.</source>
        <translation>服务器地址必须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <source>This address is not encrypted (http://): use the server&apos;s https:// address, or tick “Allow an unencrypted connection” if this network is trusted.</source>
        <translation>此地址不加密（http://）：请使用服务器的 https:// 地址；若此网络可信，请勾选“允许不加密的连接”。</translation>
    </message>
    <message>
        <source>Enter your login and password on the server.</source>
        <translation>请输入您在服务器上的登录名和密码。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stopping after the current page…</source>
        <translation>正在接收完当前一页后停止…</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) received</source>
        <translation>
            <numerusform>已接收 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Stopped. What arrived is kept in {folder}; connect again to go on.</source>
        <translation>已停止。已接收的内容保存在 {folder}；再次连接即可继续。</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Start a correction</source>
        <translation>开始更正</translation>
    </message>
    <message>
        <source>Readers keep seeing the published version until the corrected one is reviewed, signed off and published with a correction note.</source>
        <translation>在更正稿经审核、签发并附更正说明发布之前，读者看到的仍是已发布的版本。</translation>
    </message>
    <message>
        <source>Correction of content: every review level</source>
        <translation>内容更正：经过每一级审核</translation>
    </message>
    <message>
        <source>Typo fix only: the last review level alone</source>
        <translation>仅改错别字：只需最后一级审核</translation>
    </message>
    <message>
        <source>Start the correction</source>
        <translation>开始更正</translation>
    </message>
    <message>
        <source>Correct “{title}”</source>
        <translation>更正“{title}”</translation>
    </message>
    <message>
        <source>A typo fix changes no facts: wrong characters, punctuation, spacing. It is recorded as such in the revision history.</source>
        <translation>错别字更正不改动任何事实：只改错字、标点、空格。修订记录中会如实标明。</translation>
    </message>
</context>
<context>
    <name>CountLabel</name>
    <message>
        <source>{zishu} characters · about {minutes} min read</source>
        <translation>{zishu} 字 · 约需阅读 {minutes} 分钟</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <source>Review checklist</source>
        <translation>审核清单</translation>
    </message>
    <message>
        <source>Review comment</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <source>Comment for the editor (required to return or reject)</source>
        <translation>给编辑的意见（退回或否决时必填）</translation>
    </message>
    <message>
        <source>Note on the selected passage</source>
        <translation>对所选段落的批注</translation>
    </message>
    <message>
        <source>Comment on selection</source>
        <translation>批注所选内容</translation>
    </message>
    <message>
        <source>Notes on passages</source>
        <translation>段落批注</translation>
    </message>
    <message>
        <source>Remove comment</source>
        <translation>删除批注</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Sign off</source>
        <translation>签发</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Every review level approved this revision. Signing it off releases it for publishing exactly as shown.</source>
        <translation>各级审核均已通过此版本。签发后，稿件将按所示内容发布。</translation>
    </message>
    <message>
        <source>Sign off and schedule</source>
        <translation>签发并定时发布</translation>
    </message>
    <message>
        <source>Return to editor</source>
        <translation>退回编辑</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>否决</translation>
    </message>
    <message>
        <source>Return (needs a comment)</source>
        <translation>退回（需填写意见）</translation>
    </message>
    <message>
        <source>Reject (needs a comment)</source>
        <translation>否决（需填写意见）</translation>
    </message>
</context>
<context>
    <name>DecisionTime</name>
    <message>
        <source>server {server} (this computer {local})</source>
        <translation>服务器 {server}（本机 {local}）</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>Creating users, channels and pictures</source>
        <translation>正在创建用户、频道和图片</translation>
    </message>
    <message>
        <source>Writing {total} stories</source>
        <translation>正在写入 {total} 篇稿件</translation>
    </message>
    <message>
        <source>Written {done} of {total} stories</source>
        <translation>已写入 {done}/{total} 篇稿件</translation>
    </message>
    <message>
        <source>Adding platform accounts, figures and messages</source>
        <translation>正在添加平台账号、数据和留言</translation>
    </message>
    <message>
        <source>Exporting the published pages</source>
        <translation>正在导出已发布的页面</translation>
    </message>
    <message>
        <source>Demo newsroom ready</source>
        <translation>演示编辑部已就绪</translation>
    </message>
</context>
<context>
    <name>EditorToolbar</name>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Paragraph style</source>
        <translation>段落样式</translation>
    </message>
    <message>
        <source>Body text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Heading 2</source>
        <translation>二级标题</translation>
    </message>
    <message>
        <source>Heading 3</source>
        <translation>三级标题</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>引用</translation>
    </message>
    <message>
        <source>Image caption</source>
        <translation>图片说明</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>加粗</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>倾斜</translation>
    </message>
    <message>
        <source>Underline</source>
        <translation>下划线</translation>
    </message>
    <message>
        <source>Strikethrough</source>
        <translation>删除线</translation>
    </message>
    <message>
        <source>Align</source>
        <translation>对齐</translation>
    </message>
    <message>
        <source>Align left</source>
        <translation>左对齐</translation>
    </message>
    <message>
        <source>Center</source>
        <translation>居中</translation>
    </message>
    <message>
        <source>Align right</source>
        <translation>右对齐</translation>
    </message>
    <message>
        <source>Justify</source>
        <translation>两端对齐</translation>
    </message>
    <message>
        <source>Bullet list</source>
        <translation>项目符号列表</translation>
    </message>
    <message>
        <source>Numbered list</source>
        <translation>编号列表</translation>
    </message>
    <message>
        <source>Outdent</source>
        <translation>减少缩进</translation>
    </message>
    <message>
        <source>Indent</source>
        <translation>增加缩进</translation>
    </message>
    <message>
        <source>Link…</source>
        <translation>链接…</translation>
    </message>
    <message>
        <source>Remove link</source>
        <translation>取消链接</translation>
    </message>
    <message>
        <source>Image…</source>
        <translation>图片…</translation>
    </message>
    <message>
        <source>Horizontal rule</source>
        <translation>分隔线</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Insert table…</source>
        <translation>插入表格…</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>添加行</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>删除行</translation>
    </message>
    <message>
        <source>Add column</source>
        <translation>添加列</translation>
    </message>
    <message>
        <source>Remove column</source>
        <translation>删除列</translation>
    </message>
    <message>
        <source>Clear formatting</source>
        <translation>清除格式</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Insert image</source>
        <translation>插入图片</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Newsdesk</source>
        <translation>采编台</translation>
    </message>
    <message>
        <source>Something went wrong and the action was not completed. Your saved work is safe.</source>
        <translation>出现了问题，操作未完成。已保存的内容不受影响。</translation>
    </message>
    <message>
        <source>Try again. If it fails again, copy the details and send them to your administrator.</source>
        <translation>请重试。如果仍然失败，请复制详细信息发给系统管理员。</translation>
    </message>
</context>
<context>
    <name>Feeds</name>
    <message>
        <source>the address gives no RSS, Atom or JSON feed ({detail})</source>
        <translation>该地址提供的不是 RSS、Atom 或 JSON 订阅源（{detail}）</translation>
    </message>
    <message>
        <source>the feed is not well-formed ({detail})</source>
        <translation>订阅源格式有误（{detail}）</translation>
    </message>
    <message>
        <source>the feed declares a DTD or entities, which feeds never need and attacks do; it was not read</source>
        <translation>订阅源声明了 DTD 或实体——正常订阅源不需要，攻击才需要；未予读取</translation>
    </message>
    <message>
        <source>the source is set as {expected}, but the address gives {detail}</source>
        <translation>该来源设为 {expected}，但该地址提供的是 {detail}</translation>
    </message>
    <message>
        <source>the poll failed unexpectedly ({detail})</source>
        <translation>抓取意外失败（{detail}）</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Subtitle</source>
        <translation>副标题</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Responsible editor</source>
        <translation>责任编辑</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Image alt text</source>
        <translation>图片替代文字</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>ID card number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>Bank card number</source>
        <translation>银行卡号</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Licence plate</source>
        <translation>车牌号</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Search titles and text</source>
        <translation>搜索标题和正文</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Due or planned</source>
        <translation>截止或计划日期</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <source>Show deleted</source>
        <translation>显示已删除</translation>
    </message>
    <message>
        <source>Show deleted proposals you can restore</source>
        <translation>显示可由你恢复的已删除报题</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部频道</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>我</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>替换为</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>全部替换</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>Replaced {count}</source>
        <translation>已替换 {count} 处</translation>
    </message>
</context>
<context>
    <name>FollowsModel</name>
    <message>
        <source>Following a source, each new lead it brings rings your bell, whatever your roles in its channel.</source>
        <translation>关注一个来源后，它每有新线索都会在铃铛里提醒你，不论你在其频道担任什么角色。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>关注</translation>
    </message>
    <message>
        <source>Following</source>
        <translation>已关注</translation>
    </message>
    <message>
        <source>You hear of each new lead of “{name}”. Click to stop.</source>
        <translation>“{name}”的每条新线索都会提醒你。点击取消关注。</translation>
    </message>
    <message>
        <source>Click to hear of each new lead of “{name}” in the bell.</source>
        <translation>点击关注，“{name}”的每条新线索都会在铃铛里提醒你。</translation>
    </message>
</context>
<context>
    <name>FollowsTab</name>
    <message>
        <source>No sources in your channels yet.</source>
        <translation>你的频道还没有来源。</translation>
    </message>
    <message>
        <source>Sources to follow</source>
        <translation>可关注的来源</translation>
    </message>
    <message>
        <source>Following a source, each new lead it brings rings your bell, whatever your roles in its channel. Following none, you hear of the leads of the channels where you are editor or chief.</source>
        <translation>关注一个来源后，它每有新线索都会在铃铛里提醒你，不论你在其频道担任什么角色。一个来源都不关注时，你会收到自己担任编辑或主编的频道的线索提醒。</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>关注</translation>
    </message>
    <message>
        <source>Following</source>
        <translation>已关注</translation>
    </message>
    <message>
        <source>Unfollow</source>
        <translation>取消关注</translation>
    </message>
    <message>
        <source>You follow “{name}”: its new leads ring your bell.</source>
        <translation>已关注“{name}”：它的新线索会在铃铛里提醒你。</translation>
    </message>
    <message>
        <source>You no longer follow “{name}”.</source>
        <translation>已取消关注“{name}”。</translation>
    </message>
</context>
<context>
    <name>Holidays</name>
    <message>
        <source>{file} is not valid TOML: {problem}</source>
        <translation>{file} 不是有效的 TOML 文件：{problem}</translation>
    </message>
    <message>
        <source>{file}, line {line}: “{field}” is not a year like [2026].</source>
        <translation>{file} 第 {line} 行：“{field}”不是 [2026] 这样的年份。</translation>
    </message>
    <message>
        <source>{file}, line {line}: unknown field “{field}” (expected holidays, workdays, names or provisional).</source>
        <translation>{file} 第 {line} 行：未知字段“{field}”（应为 holidays、workdays、names 或 provisional）。</translation>
    </message>
    <message>
        <source>{file}, line {line}: {day} is both a holiday and a workday.</source>
        <translation>{file} 第 {line} 行：{day} 既是节假日又是调休工作日。</translation>
    </message>
    <message>
        <source>{file}, line {line}: “{field}” must be a list of dates.</source>
        <translation>{file} 第 {line} 行：“{field}”必须是日期列表。</translation>
    </message>
    <message>
        <source>{file}, line {line}: “{value}” in {field} is not a date of {year} written YYYY-MM-DD.</source>
        <translation>{file} 第 {line} 行：{field} 中的“{value}”不是 {year} 年的 YYYY-MM-DD 日期。</translation>
    </message>
    <message>
        <source>{file}, line {line}: “{field}” must be a table of names and their first and last day.</source>
        <translation>{file} 第 {line} 行：“{field}”必须是节日名称及其首日和末日的表。</translation>
    </message>
    <message>
        <source>{file}, line {line}: “{holiday}” needs its first and last day, like [&quot;2026-10-01&quot;, &quot;2026-10-07&quot;].</source>
        <translation>{file} 第 {line} 行：“{holiday}”需要写明首日和末日，例如 [&quot;2026-10-01&quot;, &quot;2026-10-07&quot;]。</translation>
    </message>
    <message>
        <source>Cannot read the holiday file {file}: {problem}</source>
        <translation>无法读取节假日文件 {file}：{problem}</translation>
    </message>
</context>
<context>
    <name>ImageTextDialog</name>
    <message>
        <source>Insert image</source>
        <translation>插入图片</translation>
    </message>
    <message>
        <source>“{name}”</source>
        <translation>“{name}”</translation>
    </message>
    <message>
        <source>Shown under the image</source>
        <translation>显示在图片下方</translation>
    </message>
    <message>
        <source>What the image shows, for screen readers</source>
        <translation>图片内容的文字描述，供读屏软件朗读</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>图片说明</translation>
    </message>
    <message>
        <source>Alt text</source>
        <translation>替代文字</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>The file is neither UTF-8 nor GBK text.</source>
        <translation>该文件既不是 UTF-8 也不是 GBK 编码的文本。</translation>
    </message>
    <message>
        <source>“{name}” is not a CSV or XLSX file.</source>
        <translation>“{name}”不是 CSV 或 XLSX 文件。</translation>
    </message>
    <message>
        <source>The file has no rows.</source>
        <translation>该文件没有数据行。</translation>
    </message>
    <message>
        <source>Cannot read the workbook: {problem}</source>
        <translation>无法读取工作簿：{problem}</translation>
    </message>
    <message>
        <source>No column is mapped to the title or to the message text.</source>
        <translation>没有列对应到标题或留言内容。</translation>
    </message>
    <message>
        <source>The row has neither a title nor a message.</source>
        <translation>该行既没有标题也没有留言内容。</translation>
    </message>
    <message>
        <source>“{value}” is not a date (column “{column}”).</source>
        <translation>“{value}”不是日期（列“{column}”）。</translation>
    </message>
    <message>
        <source>“{value}” is not a web address.</source>
        <translation>“{value}”不是网址。</translation>
    </message>
    <message>
        <source>“{value}” is not a count (column “{column}”).</source>
        <translation>“{value}”不是数量（列“{column}”）。</translation>
    </message>
    <message>
        <source>“{value}” is not one of 咨询, 投诉, 建议, 其他.</source>
        <translation>“{value}”不是咨询、投诉、建议、其他之一。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import %1 into %2</source>
        <translation>将 %1 导入 %2</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Which field each column of the file holds:</source>
        <translation>文件各列对应的字段：</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>Field of column %1</source>
        <translation>列“%1”对应的字段</translation>
    </message>
    <message>
        <source>%1 items (%2 matched to our articles) and %3 messages will be imported.</source>
        <translation>将导入 %1 条内容数据（其中 %2 条与本台稿件匹配）和 %3 条留言。</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>…and %1 more bad lines.</source>
        <translation>……另有 %1 行有误。</translation>
    </message>
    <message>
        <source>Nothing will be imported until these lines are put right:</source>
        <translation>以下各行改正之前，不会导入任何数据：</translation>
    </message>
    <message>
        <source>%1 items and %2 messages imported.</source>
        <translation>已导入 %1 条内容数据和 %2 条留言。</translation>
    </message>
</context>
<context>
    <name>Label</name>
    <message>
        <source>Editor</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Channel chief</source>
        <translation>频道负责人</translation>
    </message>
    <message>
        <source>First review</source>
        <translation>初审</translation>
    </message>
    <message>
        <source>Second review</source>
        <translation>复审</translation>
    </message>
    <message>
        <source>Final review</source>
        <translation>终审</translation>
    </message>
    <message>
        <source>Sign-off</source>
        <translation>签发</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已报题</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>选题库</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>已指派</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>写作中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已审核通过</translation>
    </message>
    <message>
        <source>Signed off</source>
        <translation>已签发</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已否决</translation>
    </message>
    <message>
        <source>Retracted</source>
        <translation>已撤稿</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原创</translation>
    </message>
    <message>
        <source>Repost</source>
        <translation>转载</translation>
    </message>
    <message>
        <source>PC</source>
        <translation>PC 端</translation>
    </message>
    <message>
        <source>WAP</source>
        <translation>WAP 端</translation>
    </message>
    <message>
        <source>App</source>
        <translation>APP 端</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退回修改</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>否决</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>True, accurate and complete</source>
        <translation>内容真实、准确、完整</translation>
    </message>
    <message>
        <source>Repost authorised by the original publisher</source>
        <translation>转载已获原发布方授权</translation>
    </message>
    <message>
        <source>Copyright of all materials cleared</source>
        <translation>所用素材版权清晰</translation>
    </message>
    <message>
        <source>Contains nothing that may not be disclosed</source>
        <translation>不含不宜公开的信息</translation>
    </message>
</context>
<context>
    <name>LeadsModel</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>unread</source>
        <translation>未读</translation>
    </message>
</context>
<context>
    <name>LeadsPage</name>
    <message>
        <source>Leads</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Loading the leads…</source>
        <translation>正在加载线索…</translation>
    </message>
    <message>
        <source>No leads</source>
        <translation>暂无线索</translation>
    </message>
    <message>
        <source>Leads are the new items of the feeds your newsroom follows. An administrator adds sources on the Admin page, under Sources.</source>
        <translation>线索是编辑部订阅的信息源中的新条目。系统管理员可在“系统管理”页的“来源”中添加来源。</translation>
    </message>
    <message>
        <source>Propose…</source>
        <translation>报题…</translation>
    </message>
    <message>
        <source>Propose a story from this lead</source>
        <translation>根据这条线索报题</translation>
    </message>
    <message>
        <source>Repost…</source>
        <translation>转载…</translation>
    </message>
    <message>
        <source>Repost the article this lead points to</source>
        <translation>转载这条线索指向的文章</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Dismiss for everyone (Delete)</source>
        <translation>为所有人忽略（按删除键）</translation>
    </message>
    <message>
        <source>Only the sources I follow</source>
        <translation>只看我关注的</translation>
    </message>
    <message>
        <source>Show only the leads of the sources you follow, on the Sources tab</source>
        <translation>只显示你在“来源”标签页关注的来源的线索</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Bring back the lead just dismissed (Ctrl+Z)</source>
        <translation>恢复刚才忽略的线索（按撤销键）</translation>
    </message>
    <message>
        <source>{count} unread of {total}</source>
        <translation>{total} 条中 {count} 条未读</translation>
    </message>
    <message>
        <source>Select a lead</source>
        <translation>请选择一条线索</translation>
    </message>
    <message>
        <source>{source} · {when}</source>
        <translation>{source} · {when}</translation>
    </message>
    <message>
        <source>Dismissed “{title}” for everyone.</source>
        <translation>已为所有人忽略《{title}》。</translation>
    </message>
    <message>
        <source>“{title}” is back among the leads.</source>
        <translation>《{title}》已恢复到线索中。</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>The selected text</source>
        <translation>所选文字</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Enter an http, https or mailto address, e.g. https://example.com</source>
        <translation>请输入 http、https 或 mailto 地址，例如 https://example.com</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Newsdesk — {workspace}</source>
        <translation>采编台 — {workspace}</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Signed in: {name} ({login})</source>
        <translation>当前用户：{name}（{login}）</translation>
    </message>
    <message>
        <source>Offline: working on this computer</source>
        <translation>离线：在本机工作</translation>
    </message>
    <message>
        <source>Last sync: never</source>
        <translation>上次同步：尚未同步</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Offline: the server cannot be reached</source>
        <translation>离线：无法连接服务器</translation>
    </message>
    <message>
        <source>Not synced: a problem on this computer</source>
        <translation>未同步：本机出错</translation>
    </message>
    <message>
        <source>Offline: sign in to the server again</source>
        <translation>离线：请重新登录服务器</translation>
    </message>
    <message>
        <source>Paused: the server was restored</source>
        <translation>已暂停：服务器已从备份恢复</translation>
    </message>
    <message>
        <source>Paused: Newsdesk needs an update</source>
        <translation>已暂停：采编台需要更新</translation>
    </message>
    <message>
        <source>Trying again in {seconds} s.</source>
        <translation>{seconds} 秒后重试。</translation>
    </message>
    <message>
        <source>Last sync: {time}</source>
        <translation>上次同步：{time}</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n 项更改等待同步</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Repost from the web…</source>
        <translation>从网页转载(&amp;R)…</translation>
    </message>
    <message>
        <source>Make repost articles from web addresses (those on the clipboard are filled in)</source>
        <translation>用网址生成转载稿件（自动填入剪贴板中的网址）</translation>
    </message>
    <message>
        <source>Open another &amp;workspace…</source>
        <translation>打开其他工作区(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
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
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Newsdesk</source>
        <translation>关于采编台(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>Your branch&apos;s page of new versions…</source>
        <translation>本分社的新版本页面…</translation>
    </message>
    <message>
        <source>About Newsdesk</source>
        <translation>关于采编台</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Newsdesk 采编台 {version}&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;采编台 Newsdesk {version}&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>none (this workspace does not sync)</source>
        <translation>无（此工作区不同步）</translation>
    </message>
    <message>
        <source>An editorial desk for new-media departments: proposals, topics, writing, review level by level, sign-off and publishing to PC, WAP and the app.</source>
        <translation>面向新媒体部门的采编平台：报题、选题、写作、逐级审核、签发，以及向 PC 端、WAP 端和 APP 端发布。</translation>
    </message>
    <message>
        <source>Workspace: {path}</source>
        <translation>工作区：{path}</translation>
    </message>
    <message>
        <source>Sync server: {server}</source>
        <translation>同步服务器：{server}</translation>
    </message>
    <message>
        <source>Qt {qt} · PySide6 {pyside} · Python {python}</source>
        <translation>Qt {qt} · PySide6 {pyside} · Python {python}</translation>
    </message>
    <message>
        <source>Newsdesk {version} is available…</source>
        <translation>有新版本 {version}…</translation>
    </message>
    <message>
        <source>&amp;Card</source>
        <translation>卡片(&amp;C)</translation>
    </message>
</context>
<context>
    <name>MaterialsBox</name>
    <message>
        <source>No materials yet. Add notes and links below, or drop files here.</source>
        <translation>还没有素材。可在下方添加备注和链接，或把文件拖到这里。</translation>
    </message>
    <message>
        <source>A note, or a web address for a link</source>
        <translation>输入备注，或粘贴链接网址</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Add link</source>
        <translation>添加链接</translation>
    </message>
    <message>
        <source>Attach files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>The files could not be copied into the workspace: {reason}</source>
        <translation>文件未能复制到工作区：{reason}</translation>
    </message>
    <message>
        <source>Copying files into the workspace…</source>
        <translation>正在把文件复制到工作区……</translation>
    </message>
    <message>
        <source>“{name}” was not added: it is {size} MB, and a file may be at most {limit} MB.</source>
        <translation>“{name}”未添加：文件大小为 {size} MB，单个文件最大 {limit} MB。</translation>
    </message>
    <message>
        <source>“{name}” was not added: only files can be attached, not folders.</source>
        <translation>“{name}”未添加：只能添加文件，不能添加文件夹。</translation>
    </message>
    <message>
        <source>“{name}” could not be read: {reason}</source>
        <translation>无法读取“{name}”：{reason}</translation>
    </message>
    <message>
        <source>A proposal can have at most {limit} materials.</source>
        <translation>一条报题最多可有 {limit} 项素材。</translation>
    </message>
    <message>
        <source>Link: “{text}” is not a web address. A link starts with http:// or https://.</source>
        <translation>链接：“{text}”不是网址。链接须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>添加文件</translation>
    </message>
</context>
<context>
    <name>MaterialsModel</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>MaterialsView</name>
    <message>
        <source>Materials</source>
        <translation>素材</translation>
    </message>
    <message>
        <source>Double-click to open; drag an image into the article to use it.</source>
        <translation>双击打开；把图片拖入稿件即可使用。</translation>
    </message>
    <message>
        <source>No materials.</source>
        <translation>没有素材。</translation>
    </message>
    <message>
        <source>Link: {address}</source>
        <translation>链接：{address}</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Note: {text}</source>
        <translation>备注：{text}</translation>
    </message>
    <message>
        <source>The image is not in this workspace yet.</source>
        <translation>该图片尚未同步到本工作区。</translation>
    </message>
    <message>
        <source>The file is not in this workspace yet.</source>
        <translation>该文件尚未同步到本工作区。</translation>
    </message>
</context>
<context>
    <name>MentionCompleter</name>
    <message>
        <source>Colleagues to mention</source>
        <translation>可 @ 的同事</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge “{title}”</source>
        <translation>合并“{title}”</translation>
    </message>
    <message>
        <source>What they changed</source>
        <translation>对方的修改</translation>
    </message>
    <message>
        <source>What you changed</source>
        <translation>您的修改</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>合并结果</translation>
    </message>
    <message>
        <source>The merged body, one paragraph per line</source>
        <translation>合并后的正文，每行一段</translation>
    </message>
    <message>
        <source>Two edits of this article crossed</source>
        <translation>这篇稿件有两处修改发生了交叉</translation>
    </message>
    <message>
        <source>This conflict is no longer here: it was settled.</source>
        <translation>这处冲突已不存在：已经处理过了。</translation>
    </message>
    <message>
        <source>Your edit of {time} arrived after someone else&apos;s. Their version is in the article now; yours is kept as a conflict revision. Choose the result below: the side you do not take stays in the revision history.</source>
        <translation>您在 {time} 所做的修改晚于他人的修改到达。稿件现在是对方的版本；您的版本已保存为冲突修订。请在下方选择合并结果：未被采用的一方仍保留在修订历史中。</translation>
    </message>
    <message>
        <source>Common base</source>
        <translation>共同底稿</translation>
    </message>
    <message>
        <source>Theirs (now)</source>
        <translation>对方（当前）</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>保留对方的</translation>
    </message>
    <message>
        <source>Take mine</source>
        <translation>采用我的</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>MessageDialog</name>
    <message>
        <source>Add message</source>
        <translation>登记留言</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>留言人</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>留言内容</translation>
    </message>
</context>
<context>
    <name>MessagesTab</name>
    <message>
        <source>All classes</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Add message…</source>
        <translation>登记留言…</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>指派…</translation>
    </message>
    <message>
        <source>Answer…</source>
        <translation>答复…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Suggestions for the summary</source>
        <translation>建议汇总</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>留言人</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>留言内容</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>留言</translation>
    </message>
    <message>
        <source>Not answered within two working days (due %1).</source>
        <translation>超过两个工作日未答复（应于 %1 前答复）。</translation>
    </message>
    <message numerus="yes">
        <source>%n enquiries not answered within two working days.</source>
        <translation>
            <numerusform>%n 条咨询超过两个工作日未答复。</numerusform>
        </translation>
    </message>
    <message>
        <source>Message registered.</source>
        <translation>留言已登记。</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>指派</translation>
    </message>
    <message>
        <source>Who handles this message:</source>
        <translation>由谁处理这条留言：</translation>
    </message>
    <message>
        <source>Assigned to %1.</source>
        <translation>已指派给 %1。</translation>
    </message>
    <message>
        <source>Answer saved.</source>
        <translation>答复已保存。</translation>
    </message>
    <message>
        <source>Message closed.</source>
        <translation>留言已关闭。</translation>
    </message>
</context>
<context>
    <name>MetadataPanel</name>
    <message>
        <source>Details</source>
        <translation>稿件信息</translation>
    </message>
    <message>
        <source>Title (required)</source>
        <translation>标题（必填）</translation>
    </message>
    <message>
        <source>Separate tags with commas or 、</source>
        <translation>多个标签用逗号或顿号分隔</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Subtitle</source>
        <translation>副标题</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Responsible editor</source>
        <translation>责任编辑</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>稿件类型</translation>
    </message>
    <message>
        <source>Original published</source>
        <translation>原文发布时间</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>封面</translation>
    </message>
    <message>
        <source>The article needs a title.</source>
        <translation>稿件需要标题。</translation>
    </message>
    <message>
        <source>Enter the original&apos;s address (http or https).</source>
        <translation>请填写原文地址（http 或 https）。</translation>
    </message>
    <message>
        <source>A repost needs the original&apos;s address.</source>
        <translation>转载稿件需要填写原文地址。</translation>
    </message>
    <message>
        <source>Write the original&apos;s time as {format}, or leave it empty.</source>
        <translation>请按 {format} 的格式填写原文发布时间，或留空。</translation>
    </message>
    <message>
        <source>Original&apos;s address, https://…</source>
        <translation>原文地址，https://…</translation>
    </message>
    <message>
        <source>Choose a cover image</source>
        <translation>选择封面图片</translation>
    </message>
    <message>
        <source>Images ({patterns})</source>
        <translation>图片 ({patterns})</translation>
    </message>
    <message>
        <source>No cover</source>
        <translation>无封面</translation>
    </message>
</context>
<context>
    <name>MonthDialog</name>
    <message>
        <source>Record month for %1</source>
        <translation>登记 %1 的月度数据</translation>
    </message>
    <message>
        <source>Attach screenshot…</source>
        <translation>附上截图…</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>关注量</translation>
    </message>
    <message>
        <source>Screenshot</source>
        <translation>截图</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>NewWorkspaceDialog</name>
    <message>
        <source>New workspace</source>
        <translation>新建工作区</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Administrator login</source>
        <translation>管理员登录名</translation>
    </message>
    <message>
        <source>Administrator name</source>
        <translation>管理员姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Folder for the new workspace</source>
        <translation>新工作区所在的文件夹</translation>
    </message>
    <message>
        <source>Choose a folder for the workspace.</source>
        <translation>请为工作区选择一个文件夹。</translation>
    </message>
    <message>
        <source>That folder already holds a workspace; open it instead.</source>
        <translation>该文件夹中已有工作区，请直接打开。</translation>
    </message>
    <message>
        <source>Give the administrator a login and a name.</source>
        <translation>请填写管理员的登录名和姓名。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>NotificationCenter</name>
    <message>
        <source>Newsdesk</source>
        <translation>采编台</translation>
    </message>
    <message>
        <source>%n more notification(s)</source>
        <translation>另有 %n 条通知</translation>
    </message>
</context>
<context>
    <name>NotificationModel</name>
    <message>
        <source>Due {date}</source>
        <translation>截止 {date}</translation>
    </message>
    <message>
        <source>unread</source>
        <translation>未读</translation>
    </message>
    <message>
        <source>read</source>
        <translation>已读</translation>
    </message>
</context>
<context>
    <name>NotificationPopup</name>
    <message>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Nothing new concerns you.</source>
        <translation>暂无与您相关的新消息。</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Mark &amp;read</source>
        <translation>标为已读(&amp;R)</translation>
    </message>
    <message>
        <source>Mark &amp;all read</source>
        <translation>全部标为已读(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Open the item</source>
        <translation>打开该条目</translation>
    </message>
    <message>
        <source>Mark the notification read</source>
        <translation>将该通知标为已读</translation>
    </message>
    <message>
        <source>Mark all notifications read</source>
        <translation>将全部通知标为已读</translation>
    </message>
    <message>
        <source>Notification settings</source>
        <translation>通知设置</translation>
    </message>
</context>
<context>
    <name>Notifications</name>
    <message>
        <source>{who} assigned you “{title}”</source>
        <translation>{who} 给您分派了“{title}”</translation>
    </message>
    <message>
        <source>Your proposal “{title}” was selected</source>
        <translation>您的报题“{title}”已入选</translation>
    </message>
    <message>
        <source>{who} returned your proposal “{title}”</source>
        <translation>{who} 退回了您的报题“{title}”</translation>
    </message>
    <message>
        <source>{who} approved “{title}” at level {level}</source>
        <translation>{who} 在第 {level} 级审核通过了“{title}”</translation>
    </message>
    <message>
        <source>{who} returned “{title}” at level {level}</source>
        <translation>{who} 在第 {level} 级退回了“{title}”</translation>
    </message>
    <message>
        <source>{who} rejected “{title}” at level {level}</source>
        <translation>{who} 在第 {level} 级否决了“{title}”</translation>
    </message>
    <message>
        <source>“{title}” waits on your review at level {level}</source>
        <translation>“{title}”等待您的第 {level} 级审核</translation>
    </message>
    <message>
        <source>“{title}” waits on your sign-off</source>
        <translation>“{title}”等待您签发</translation>
    </message>
    <message>
        <source>{who} commented on a passage of “{title}”</source>
        <translation>{who} 对“{title}”中的段落提了意见</translation>
    </message>
    <message>
        <source>“{title}” was corrected</source>
        <translation>“{title}”已更正</translation>
    </message>
    <message>
        <source>“{title}” was retracted</source>
        <translation>“{title}”已撤稿</translation>
    </message>
    <message>
        <source>“{title}” is due tomorrow</source>
        <translation>“{title}”明天到期</translation>
    </message>
    <message>
        <source>“{title}” is past its due date</source>
        <translation>“{title}”已超过截止日期</translation>
    </message>
    <message>
        <source>New lead: “{title}”</source>
        <translation>新线索：“{title}”</translation>
    </message>
    <message>
        <source>{who} mentioned you in “{title}”</source>
        <translation>{who} 在“{title}”中提到了您</translation>
    </message>
    <message>
        <source>Assignments</source>
        <translation>分派给我的任务</translation>
    </message>
    <message>
        <source>My proposals selected or returned</source>
        <translation>我的报题入选或被退回</translation>
    </message>
    <message>
        <source>Review decisions on my articles</source>
        <translation>我的稿件的审核结果</translation>
    </message>
    <message>
        <source>Items waiting on my review or sign-off</source>
        <translation>等待我审核或签发的稿件</translation>
    </message>
    <message>
        <source>Comments on passages of my articles</source>
        <translation>对我的稿件段落的意见</translation>
    </message>
    <message>
        <source>Corrections and retractions of my pieces</source>
        <translation>我的稿件的更正与撤稿</translation>
    </message>
    <message>
        <source>Due dates</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Leads in my channels</source>
        <translation>我所在频道的线索</translation>
    </message>
    <message>
        <source>@mentions</source>
        <translation>@提及</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Articles</source>
        <translation>稿件</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>管理</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>看板</translation>
    </message>
    <message>
        <source>My tasks</source>
        <translation>我的任务</translation>
    </message>
    <message>
        <source>Topic library</source>
        <translation>选题库</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>A new password for {name} ({login}). Tell them in person.</source>
        <translation>为 {name}（{login}）设置新密码，请当面告知本人。</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Sign in to the server again</source>
        <translation>重新登录服务器</translation>
    </message>
    <message>
        <source>The server {server} asks {login} to sign in again. Your work is kept on this computer meanwhile and is sent once you are signed in.</source>
        <translation>服务器 {server} 要求 {login} 重新登录。在此期间，您的工作保存在本机，登录后即会发送。</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Work offline</source>
        <translation>离线工作</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>Passwords</name>
    <message>
        <source>An administrator&apos;s password needs at least {count} characters.</source>
        <translation>管理员密码至少需要 {count} 个字符。</translation>
    </message>
    <message>
        <source>The password needs at least {count} characters.</source>
        <translation>密码至少需要 {count} 个字符。</translation>
    </message>
    <message>
        <source>The password must not be the login name.</source>
        <translation>密码不能与登录名相同。</translation>
    </message>
    <message>
        <source>This password is one of the most common ones; choose another.</source>
        <translation>这是最常见的密码之一，请换一个。</translation>
    </message>
</context>
<context>
    <name>PlatformTab</name>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>关注量</translation>
    </message>
    <message>
        <source>Screenshot</source>
        <translation>截图</translation>
    </message>
    <message>
        <source>Monthly records</source>
        <translation>月度记录</translation>
    </message>
    <message>
        <source>Add account…</source>
        <translation>添加账号…</translation>
    </message>
    <message>
        <source>Record month…</source>
        <translation>登记月度数据…</translation>
    </message>
    <message>
        <source>Import export…</source>
        <translation>导入平台数据…</translation>
    </message>
    <message>
        <source>Platform accounts</source>
        <translation>平台账号</translation>
    </message>
    <message>
        <source>Remove account…</source>
        <translation>移除账号…</translation>
    </message>
    <message>
        <source>Our article</source>
        <translation>本台稿件</translation>
    </message>
    <message>
        <source>Items of the account</source>
        <translation>账号的内容</translation>
    </message>
    <message>
        <source>Choose an account to see its items.</source>
        <translation>选择一个账号以查看其内容数据。</translation>
    </message>
    <message>
        <source>Monthly records (001 §5.6.1)</source>
        <translation>月度记录（001 §5.6.1）</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>未附</translation>
    </message>
    <message>
        <source>Items of %1: %2</source>
        <translation>%1的内容：%2 条</translation>
    </message>
    <message>
        <source>matched</source>
        <translation>已匹配</translation>
    </message>
    <message>
        <source>Account “%1” added.</source>
        <translation>已添加账号“%1”。</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>移除账号</translation>
    </message>
    <message>
        <source>Remove the account “%1” (%2, %3)?</source>
        <translation>移除账号“%1”（%2，%3）？</translation>
    </message>
    <message numerus="yes">
        <source>Its %n monthly record(s) go with it. The messages already registered stay in the register.</source>
        <translation>
            <numerusform>它的 %n 条月度记录将一并移除；已登记的留言仍保留在留言登记中。</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Account “%1” removed.</source>
        <translation>已移除账号“%1”。</translation>
    </message>
    <message>
        <source>Month %1 recorded.</source>
        <translation>已登记 %1 月度数据。</translation>
    </message>
    <message>
        <source>attached</source>
        <translation>已附</translation>
    </message>
    <message>
        <source>Import export</source>
        <translation>导入平台数据</translation>
    </message>
    <message>
        <source>Exports (*.csv *.xlsx)</source>
        <translation>导出文件 (*.csv *.xlsx)</translation>
    </message>
</context>
<context>
    <name>Preset</name>
    <message>
        <source>The branch preset {path} cannot be used: {reason}</source>
        <translation>无法使用分社预设 {path}：{reason}</translation>
    </message>
    <message>
        <source>it cannot be read ({reason}).</source>
        <translation>无法读取该文件（{reason}）。</translation>
    </message>
    <message>
        <source>it is too large to be a preset.</source>
        <translation>文件太大，不是预设文件。</translation>
    </message>
    <message>
        <source>it is not saved as UTF-8.</source>
        <translation>文件不是以 UTF-8 编码保存的。</translation>
    </message>
    <message>
        <source>it is not valid TOML ({reason}).</source>
        <translation>文件不是有效的 TOML（{reason}）。</translation>
    </message>
    <message>
        <source>“{field}” is not a preset field (known: {known}).</source>
        <translation>“{field}”不是预设中的字段（可用字段：{known}）。</translation>
    </message>
    <message>
        <source>“server” must be an address starting with https:// or http://.</source>
        <translation>“server”必须是以 https:// 或 http:// 开头的地址。</translation>
    </message>
    <message>
        <source>“ca_file” must be a full path, not {file}.</source>
        <translation>“ca_file”必须是完整路径，而不是 {file}。</translation>
    </message>
    <message>
        <source>“ca_file” names {file}, which is not a file.</source>
        <translation>“ca_file”指定的 {file} 不是文件。</translation>
    </message>
    <message>
        <source>“ca_file” {file} holds no PEM certificate ({reason}).</source>
        <translation>“ca_file”指定的 {file} 中没有 PEM 格式的证书（{reason}）。</translation>
    </message>
    <message>
        <source>“channels” must be a list of channel names in quotes, e.g. [&quot;城东新闻&quot;, &quot;民生&quot;].</source>
        <translation>“channels”必须是加引号的频道名称列表，例如 [&quot;城东新闻&quot;, &quot;民生&quot;]。</translation>
    </message>
    <message>
        <source>“language” must be “zh_CN” or “en”, not {value}.</source>
        <translation>“language”必须是“zh_CN”或“en”，而不是 {value}。</translation>
    </message>
    <message>
        <source>“updates” must be a web address starting with https://.</source>
        <translation>“updates”必须是以 https:// 开头的网址。</translation>
    </message>
    <message>
        <source>the field “{field}” is missing.</source>
        <translation>缺少字段“{field}”。</translation>
    </message>
    <message>
        <source>the field “{field}” must be text in quotes.</source>
        <translation>字段“{field}”必须是加引号的文字。</translation>
    </message>
</context>
<context>
    <name>ProductionTab</name>
    <message>
        <source>Period</source>
        <translation>统计周期</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部频道</translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation>导出 XLSX…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Export table as CSV…</source>
        <translation>当前表格导出 CSV…</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>周期：</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>频道：</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>截止日期早于起始日期。</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>{published} articles published, {characters} characters.</source>
        <translation>发布 {published} 篇，共 {characters} 字。</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <source>New-media department</source>
        <translation>新媒体部</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>正在写入 {name}…</translation>
    </message>
    <message>
        <source>Wrote {path}.</source>
        <translation>已写入 {path}。</translation>
    </message>
    <message>
        <source>Could not write the file: {reason}</source>
        <translation>无法写入文件：{reason}</translation>
    </message>
</context>
<context>
    <name>ProposalEditor</name>
    <message>
        <source>A headline-like working title</source>
        <translation>像标题一样的暂定题目</translation>
    </message>
    <message>
        <source>What the story is about, why now, whom to talk to, what to show</source>
        <translation>报道什么、为什么是现在、采访谁、呈现什么</translation>
    </message>
    <message>
        <source>Planned for</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <source>Separate tags with commas or 、</source>
        <translation>多个标签用逗号或顿号分隔</translation>
    </message>
    <message>
        <source>Save and submit</source>
        <translation>保存并提交</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Angle</source>
        <translation>报道角度</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>素材</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Returned by {name}: {reason}</source>
        <translation>{name}退回了此报题：{reason}</translation>
    </message>
    <message>
        <source>New proposal</source>
        <translation>新建报题</translation>
    </message>
    <message>
        <source>You cannot propose stories: you are not an editor or a chief of any channel.</source>
        <translation>您不能报题：您不是任何频道的编辑或负责人。</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <source>Edit proposal</source>
        <translation>编辑报题</translation>
    </message>
    <message>
        <source>A proposal stays in the channel it was made in.</source>
        <translation>报题只能留在创建时所在的频道。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Choose the channel to propose in.</source>
        <translation>请选择报题的频道。</translation>
    </message>
    <message>
        <source>The title is required.</source>
        <translation>标题为必填项。</translation>
    </message>
    <message>
        <source>The angle is too long: {count} characters, at most {limit}.</source>
        <translation>报道角度过长：{count} 个字符，最多 {limit} 个。</translation>
    </message>
    <message>
        <source>Too many tags: {count}, at most {limit}.</source>
        <translation>标签过多：{count} 个，最多 {limit} 个。</translation>
    </message>
    <message>
        <source>The tag “{tag}” is too long: at most {limit} characters.</source>
        <translation>标签“{tag}”过长：最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>Planned date</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <source>The proposal could not be saved: {reason}. What you typed is still here.</source>
        <translation>报题未能保存：{reason}。您填写的内容都还在。</translation>
    </message>
    <message>
        <source>{count}/{limit}</source>
        <translation>{count}/{limit}</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存……</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>Publish correction</source>
        <translation>发布更正</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Goes out to: {targets}</source>
        <translation>发布到：{targets}</translation>
    </message>
    <message>
        <source>What was corrected, for readers (required)</source>
        <translation>向读者说明更正了什么（必填）</translation>
    </message>
    <message>
        <source>Publish “{title}”</source>
        <translation>发布“{title}”</translation>
    </message>
    <message>
        <source>It is scheduled to go out by itself at {time}. Publishing it now cancels that time.</source>
        <translation>本稿已定时于 {time} 自动发布。现在发布将取消该定时。</translation>
    </message>
    <message>
        <source>This revision corrects a published article. The note is shown under the article on every target, with the date of the correction.</source>
        <translation>此修订是对已发布稿件的更正。更正说明连同更正日期显示在各终端的稿件下方。</translation>
    </message>
</context>
<context>
    <name>PublishTime</name>
    <message>
        <source>ddd d MMM HH:mm</source>
        <translation>M月d日 ddd HH:mm</translation>
    </message>
    <message>
        <source>d MMM HH:mm</source>
        <translation>M月d日 HH:mm</translation>
    </message>
    <message>
        <source>Scheduled {time}</source>
        <translation>定时 {time}</translation>
    </message>
    <message>
        <source>{time} has already passed: choose a later publication time.</source>
        <translation>{time} 已经过去，请选择更晚的发布时间。</translation>
    </message>
</context>
<context>
    <name>PublishTimeDialog</name>
    <message>
        <source>Publication time</source>
        <translation>发布时间</translation>
    </message>
</context>
<context>
    <name>PublishTimeEdit</name>
    <message>
        <source>Publication time</source>
        <translation>发布时间</translation>
    </message>
    <message>
        <source>yyyy-MM-dd ddd HH:mm</source>
        <translation>yyyy年M月d日 ddd HH:mm</translation>
    </message>
</context>
<context>
    <name>PublishedFields</name>
    <message>
        <source>Cover image</source>
        <translation>封面图</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>封面</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>发布终端</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>稿件类型</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>{number}. alt text: {alt} · caption: {caption}</source>
        <translation>{number}. 替代文字：{alt} · 图片说明：{caption}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>points at another server: {src}</source>
        <translation>指向外部服务器：{src}</translation>
    </message>
    <message>
        <source>No images</source>
        <translation>无图片</translation>
    </message>
    <message>
        <source>original: {url}</source>
        <translation>原文：{url}</translation>
    </message>
    <message>
        <source>first published {when}</source>
        <translation>原文发布于 {when}</translation>
    </message>
    <message>
        <source>No cover</source>
        <translation>无封面</translation>
    </message>
    <message>
        <source>The cover cannot be shown.</source>
        <translation>封面图无法显示。</translation>
    </message>
</context>
<context>
    <name>PublishedPage</name>
    <message>
        <source>Search published articles</source>
        <translation>搜索已发布稿件</translation>
    </message>
    <message>
        <source>All targets</source>
        <translation>全部终端</translation>
    </message>
    <message>
        <source>Publishing settings…</source>
        <translation>发布设置…</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>不限时间</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last {days} days</source>
        <translation>最近 {days} 天</translation>
    </message>
    <message>
        <source>Open page</source>
        <translation>打开页面</translation>
    </message>
    <message>
        <source>Re-publish</source>
        <translation>重新发布</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>Retract…</source>
        <translation>撤稿…</translation>
    </message>
    <message>
        <source>Publication history</source>
        <translation>发布记录</translation>
    </message>
    <message>
        <source>Search the archive</source>
        <translation>搜索归档</translation>
    </message>
    <message>
        <source>Published articles</source>
        <translation>已发布稿件</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部频道</translation>
    </message>
    <message>
        <source>Nothing published matches.</source>
        <translation>没有符合条件的已发布稿件。</translation>
    </message>
    <message>
        <source>Nothing has been published yet.</source>
        <translation>还没有发布过稿件。</translation>
    </message>
    <message>
        <source>version {version}</source>
        <translation>第 {version} 版</translation>
    </message>
    <message>
        <source>Retracted: {reason}</source>
        <translation>已撤稿：{reason}</translation>
    </message>
    <message>
        <source>Only a live article can be re-published; a correction is published from the board once it is signed off.</source>
        <translation>只有在线的稿件可以重新发布；更正稿签发后请在看板上发布。</translation>
    </message>
    <message>
        <source>Only a publisher of “{channel}” can publish articles.</source>
        <translation>只有“{channel}”的签发人可以发布稿件。</translation>
    </message>
    <message>
        <source>The exported page is not in {folder}; re-publish the article.</source>
        <translation>导出的页面不在 {folder} 中；请重新发布该稿件。</translation>
    </message>
    <message numerus="yes">
        <source>Retry %n failed delivery(s)</source>
        <translation>
            <numerusform>重试 %n 个未送达的文件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PublishedView</name>
    <message>
        <source>Newsdesk</source>
        <translation>采编台</translation>
    </message>
    <message>
        <source>PC page</source>
        <translation>PC 页面</translation>
    </message>
    <message>
        <source>WAP page</source>
        <translation>WAP 页面</translation>
    </message>
    <message>
        <source>APP card</source>
        <translation>APP 卡片</translation>
    </message>
    <message>
        <source>Rendered from the templates the exporter uses.</source>
        <translation>按导出时使用的模板渲染。</translation>
    </message>
    <message>
        <source>The article as published</source>
        <translation>稿件发布效果</translation>
    </message>
</context>
<context>
    <name>Publishing</name>
    <message>
        <source>The folder “{folder}” must be an absolute path.</source>
        <translation>文件夹“{folder}”必须是绝对路径。</translation>
    </message>
    <message>
        <source>The site address “{url}” must start with http:// or https:// and name a host.</source>
        <translation>网站地址“{url}”必须以 http:// 或 https:// 开头，并包含主机名。</translation>
    </message>
    <message>
        <source>There is no target “{target}”.</source>
        <translation>没有名为“{target}”的发布终端。</translation>
    </message>
    <message>
        <source>The {target} endpoint “{url}” must start with http:// or https:// and name a host.</source>
        <translation>{target} 接收地址“{url}”必须以 http:// 或 https:// 开头，并包含主机名。</translation>
    </message>
</context>
<context>
    <name>PublishingActions</name>
    <message>
        <source>Newsdesk</source>
        <translation>采编台</translation>
    </message>
    <message>
        <source>This article no longer exists.</source>
        <translation>该稿件已不存在。</translation>
    </message>
    <message>
        <source>Published “{title}”.</source>
        <translation>已发布“{title}”。</translation>
    </message>
    <message>
        <source>The correction of “{title}” has started: edit it and submit it for review.</source>
        <translation>“{title}”的更正已开始：请修改后提交审核。</translation>
    </message>
    <message>
        <source>Retracted “{title}” from every target.</source>
        <translation>已从所有终端撤下“{title}”。</translation>
    </message>
    <message>
        <source>Publishing “{title}”…</source>
        <translation>正在发布“{title}”…</translation>
    </message>
    <message>
        <source>the disk is full; free some space and try again</source>
        <translation>磁盘已满，请腾出空间后重试</translation>
    </message>
    <message>
        <source>“{title}” was not published: its files could not be written ({reason}).</source>
        <translation>“{title}”未发布：其文件无法写入（{reason}）。</translation>
    </message>
    <message>
        <source>“{title}” is published, but delivering its files failed: {reason}. Re-publish it from the Published page once the problem is fixed.</source>
        <translation>“{title}”已发布，但文件投递失败：{reason}。问题解决后，请在“已发布”页面重新发布。</translation>
    </message>
    <message>
        <source>Delivering again…</source>
        <translation>正在重新投递…</translation>
    </message>
    <message>
        <source>Every waiting file was delivered.</source>
        <translation>所有待投递的文件均已送达。</translation>
    </message>
    <message>
        <source>Delivering again failed: {reason}</source>
        <translation>重新投递失败：{reason}</translation>
    </message>
    <message>
        <source>{count} files did not arrive ({reason}). They are listed under failed deliveries; retry them when the destination is back.</source>
        <translation>{count} 个文件未送达（{reason}）。它们已列入未送达文件；目标恢复后请重试。</translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Publishing settings saved.</source>
        <translation>发布设置已保存。</translation>
    </message>
</context>
<context>
    <name>PublishingSettingsDialog</name>
    <message>
        <source>Publishing settings</source>
        <translation>发布设置</translation>
    </message>
    <message>
        <source>Shown in page titles, e.g. 滨江融媒</source>
        <translation>显示在页面标题中，例如：滨江融媒</translation>
    </message>
    <message>
        <source>Output folder:</source>
        <translation>输出文件夹：</translation>
    </message>
    <message>
        <source>Site name:</source>
        <translation>网站名称：</translation>
    </message>
    <message>
        <source>Site address:</source>
        <translation>网站地址：</translation>
    </message>
    <message>
        <source>Only the output folder</source>
        <translation>仅输出文件夹</translation>
    </message>
    <message>
        <source>No HTTP delivery</source>
        <translation>不通过 HTTP 投递</translation>
    </message>
    <message>
        <source>Sent as a bearer token, if the endpoint needs one</source>
        <translation>如接收地址需要，作为 Bearer 令牌发送</translation>
    </message>
    <message>
        <source>Copy to folder:</source>
        <translation>复制到文件夹：</translation>
    </message>
    <message>
        <source>POST to endpoint:</source>
        <translation>POST 到接收地址：</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>令牌：</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>ReadOnlyBanner</name>
    <message>
        <source>Withdraw from review</source>
        <translation>撤回送审</translation>
    </message>
    <message>
        <source>Start a correction</source>
        <translation>发起更正</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <source>Only an administrator can do this.</source>
        <translation>只有系统管理员可以执行此操作。</translation>
    </message>
    <message>
        <source>A login may use only letters, digits, dots, hyphens and underscores.</source>
        <translation>登录名只能包含字母、数字、点、连字符和下划线。</translation>
    </message>
    <message>
        <source>The login “{login}” is already taken.</source>
        <translation>登录名“{login}”已被占用。</translation>
    </message>
    <message>
        <source>That user does not exist.</source>
        <translation>该用户不存在。</translation>
    </message>
    <message>
        <source>You cannot disable yourself or take away your own administrator role.</source>
        <translation>不能停用自己的账号，也不能取消自己的管理员身份。</translation>
    </message>
    <message>
        <source>A channel&apos;s folder name is lower-case letters, digits and hyphens (news, city-news).</source>
        <translation>频道的文件夹名只能由小写字母、数字和连字符组成（如 news、city-news）。</translation>
    </message>
    <message>
        <source>Another channel already uses the folder “{slug}”.</source>
        <translation>文件夹“{slug}”已被其他频道使用。</translation>
    </message>
    <message>
        <source>A channel named “{name}” already exists.</source>
        <translation>已存在名为“{name}”的频道。</translation>
    </message>
    <message>
        <source>That channel does not exist.</source>
        <translation>该频道不存在。</translation>
    </message>
    <message>
        <source>The field “{field}” must not be empty.</source>
        <translation>“{field}”不能为空。</translation>
    </message>
    <message>
        <source>A role grant must be named user/channel/role.</source>
        <translation>角色授权的标识必须是“用户/频道/角色”。</translation>
    </message>
    <message>
        <source>That role was never granted.</source>
        <translation>从未授予过该角色。</translation>
    </message>
    <message>
        <source>An attachment is named by the SHA-256 of its content.</source>
        <translation>附件必须以其内容的 SHA-256 值命名。</translation>
    </message>
    <message>
        <source>The file is too large ({size} MB); the limit is {limit} MB.</source>
        <translation>文件过大（{size} MB），上限为 {limit} MB。</translation>
    </message>
    <message>
        <source>Unknown user: sign in again.</source>
        <translation>未知用户，请重新登录。</translation>
    </message>
    <message>
        <source>Your account is disabled; ask an administrator.</source>
        <translation>您的账号已被停用，请联系系统管理员。</translation>
    </message>
    <message>
        <source>Only the article&apos;s editors or a chief of its channel can do this.</source>
        <translation>只有稿件的编辑或所属频道的负责人可以执行此操作。</translation>
    </message>
    <message>
        <source>Only editors and chiefs of “{channel}” can write articles there.</source>
        <translation>只有“{channel}”频道的编辑和负责人可以在该频道撰稿。</translation>
    </message>
    <message>
        <source>The article is under review and cannot be changed; withdraw it from review first, or wait for the reviewers.</source>
        <translation>稿件正在审核中，不能修改；请先撤回送审，或等待审核结果。</translation>
    </message>
    <message>
        <source>The article is published; start a correction to change it.</source>
        <translation>稿件已发布；如需修改，请发起更正。</translation>
    </message>
    <message>
        <source>The article was rejected or retracted and can no longer be changed.</source>
        <translation>稿件已被否决或撤稿，不能再修改。</translation>
    </message>
    <message>
        <source>Only a draft can be submitted for review.</source>
        <translation>只有草稿可以送审。</translation>
    </message>
    <message>
        <source>Give the article a title before submitting it.</source>
        <translation>送审前请先填写稿件标题。</translation>
    </message>
    <message>
        <source>The body shows images from other servers; they must be downloaded into the workspace, replaced or removed before the article is submitted.</source>
        <translation>正文中有来自外部服务器的图片；提交前须将其下载到工作区、替换或删除。</translation>
    </message>
    <message>
        <source>A repost needs the original&apos;s address before it can be submitted.</source>
        <translation>转载稿件须填写原文地址后才能送审。</translation>
    </message>
    <message>
        <source>Name the responsible editor (责任编辑) of the article.</source>
        <translation>请填写稿件的责任编辑。</translation>
    </message>
    <message>
        <source>Name the source (来源) of the article.</source>
        <translation>请填写稿件的来源。</translation>
    </message>
    <message>
        <source>An article can be withdrawn only while the first review level has not decided.</source>
        <translation>只有在初审尚未作出决定时才能撤回送审。</translation>
    </message>
    <message>
        <source>You are not a level {level} reviewer of “{channel}”.</source>
        <translation>您不是“{channel}”频道的第 {level} 级审核人。</translation>
    </message>
    <message>
        <source>The article is not waiting for review.</source>
        <translation>该稿件不在待审状态。</translation>
    </message>
    <message>
        <source>The article waits at review level {current}, not level {level}.</source>
        <translation>该稿件正在等待第 {current} 级审核，而不是第 {level} 级。</translation>
    </message>
    <message>
        <source>Review level {level} has not approved this revision.</source>
        <translation>第 {level} 级审核尚未通过此版本。</translation>
    </message>
    <message>
        <source>Only a publisher of “{channel}” can sign articles off.</source>
        <translation>只有“{channel}”频道的签发人可以签发稿件。</translation>
    </message>
    <message>
        <source>Only an article approved at every review level can be signed off.</source>
        <translation>只有各级审核均已通过的稿件才能签发。</translation>
    </message>
    <message>
        <source>Only a publisher of “{channel}” can publish articles.</source>
        <translation>只有“{channel}”频道的签发人可以发布稿件。</translation>
    </message>
    <message>
        <source>Only a signed-off article can be published.</source>
        <translation>只有已签发的稿件才能发布。</translation>
    </message>
    <message>
        <source>This revision has not been signed off.</source>
        <translation>此版本尚未签发。</translation>
    </message>
    <message>
        <source>“{channel}” has no short review path for typo fixes; the correction goes through every review level.</source>
        <translation>“{channel}”没有错别字快速审核通道；更正须经过每一级审核。</translation>
    </message>
    <message>
        <source>Only a publisher or a chief of “{channel}” can retract articles.</source>
        <translation>只有“{channel}”频道的签发人或负责人可以撤稿。</translation>
    </message>
    <message>
        <source>Only a published article can be retracted.</source>
        <translation>只有已发布的稿件才能撤稿。</translation>
    </message>
    <message>
        <source>That article does not exist.</source>
        <translation>该稿件不存在。</translation>
    </message>
    <message>
        <source>The cover image has not been added to the workspace.</source>
        <translation>封面图片尚未加入工作区。</translation>
    </message>
    <message>
        <source>An article with this id already exists.</source>
        <translation>已存在使用此标识的稿件。</translation>
    </message>
    <message>
        <source>This conflict was already settled, or a newer one replaced it.</source>
        <translation>这处冲突已经处理过，或已被更新的冲突取代。</translation>
    </message>
    <message>
        <source>The article changed while it was being submitted; submit it again.</source>
        <translation>稿件在送审过程中发生了变化，请重新送审。</translation>
    </message>
    <message>
        <source>A revision with this id already exists.</source>
        <translation>已存在使用此标识的版本。</translation>
    </message>
    <message>
        <source>The article has changed since this revision was opened; review the current revision.</source>
        <translation>打开此版本后稿件已有改动，请审核最新版本。</translation>
    </message>
    <message>
        <source>The id “{id}” is taken already; nothing was recorded.</source>
        <translation>标识“{id}”已被使用；未作任何记录。</translation>
    </message>
    <message>
        <source>Only a published or a scheduled article can be corrected.</source>
        <translation>只有已发布或已定时发布的稿件可以更正。</translation>
    </message>
    <message>
        <source>The article was never published: taken back before its time, it goes through every review level again.</source>
        <translation>这篇稿件尚未发布过：在发布时间之前撤回后，须重新经过每一级审核。</translation>
    </message>
    <message>
        <source>Only a publisher of “{channel}” can schedule its publications.</source>
        <translation>只有“{channel}”的签发人可以安排其定时发布。</translation>
    </message>
    <message>
        <source>Only a signed-off article that is not published yet can be scheduled.</source>
        <translation>只有已签发且尚未发布的稿件可以定时发布。</translation>
    </message>
    <message>
        <source>A correction cannot be scheduled: publish it with its note once it is signed off.</source>
        <translation>更正不能定时发布：签发后请附更正说明立即发布。</translation>
    </message>
    <message>
        <source>The publication time {time} has passed; choose a later time.</source>
        <translation>发布时间 {time} 已过，请选择更晚的时间。</translation>
    </message>
    <message>
        <source>Say why: a comment is required to return or reject an article.</source>
        <translation>请说明理由：退回或否决稿件须填写意见。</translation>
    </message>
    <message>
        <source>Tick every item of the review checklist before approving.</source>
        <translation>通过前请逐项勾选审核清单。</translation>
    </message>
    <message>
        <source>You already approved another level of this revision; “{channel}” needs a different reviewer for each level.</source>
        <translation>您已通过此版本的另一级审核；“{channel}”频道要求每一级由不同的人审核。</translation>
    </message>
    <message>
        <source>The article is not scheduled for publication.</source>
        <translation>这篇稿件没有定时发布。</translation>
    </message>
    <message>
        <source>Only the signed-off revision can be published.</source>
        <translation>只能发布已签发的版本。</translation>
    </message>
    <message>
        <source>The article is no longer scheduled for this time: it was rescheduled, cancelled or taken back.</source>
        <translation>这篇稿件已不再定于此时发布：发布时间已更改、已取消或稿件已撤回。</translation>
    </message>
    <message>
        <source>A correction needs a note telling readers what was corrected.</source>
        <translation>更正须附更正说明，告知读者更正了什么。</translation>
    </message>
    <message>
        <source>“{channel}” does not publish this article to {target}.</source>
        <translation>“{channel}”频道不向 {target} 发布此稿件。</translation>
    </message>
    <message>
        <source>The field “{field}” must be text.</source>
        <translation>“{field}”必须是文本。</translation>
    </message>
    <message>
        <source>The field “{field}” is too long (at most {limit} characters).</source>
        <translation>“{field}”过长（最多 {limit} 个字符）。</translation>
    </message>
    <message>
        <source>The field “{field}” must be one of: {allowed}.</source>
        <translation>“{field}”必须是以下之一：{allowed}。</translation>
    </message>
    <message>
        <source>The field “{field}” must be a list.</source>
        <translation>“{field}”必须是列表。</translation>
    </message>
    <message>
        <source>The field “{field}” has too many items (at most {limit}).</source>
        <translation>“{field}”项目过多（最多 {limit} 项）。</translation>
    </message>
    <message>
        <source>The field “{field}” must be an id: up to 64 letters, digits, - and _.</source>
        <translation>字段“{field}”必须是标识：最多 64 个字母、数字、- 和 _。</translation>
    </message>
    <message>
        <source>The field “{field}” must be a web address starting with http(s)://.</source>
        <translation>字段“{field}”必须是以 http(s):// 开头的网址。</translation>
    </message>
    <message>
        <source>The field “{field}” must be a SHA-256 hash in lower-case hex.</source>
        <translation>“{field}”必须是小写十六进制的 SHA-256 值。</translation>
    </message>
    <message>
        <source>The field “{field}” must be a colour like #1f6feb.</source>
        <translation>“{field}”必须是 #1f6feb 这样的颜色值。</translation>
    </message>
    <message>
        <source>The field “{field}” must be a whole number.</source>
        <translation>“{field}”必须是整数。</translation>
    </message>
    <message>
        <source>The field “{field}” must be between {low} and {high}.</source>
        <translation>“{field}”必须在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <source>The field “{field}” must be true or false.</source>
        <translation>“{field}”必须是“是”或“否”。</translation>
    </message>
    <message>
        <source>The field “{field}” must be a date written YYYY-MM-DD.</source>
        <translation>“{field}”必须是 YYYY-MM-DD 格式的日期。</translation>
    </message>
    <message>
        <source>The field “{field}” must be a priority from 0 (low) to 3 (urgent).</source>
        <translation>“{field}”必须是 0（低）到 3（紧急）之间的优先级。</translation>
    </message>
    <message>
        <source>The field “{field}” must be a time in ISO 8601 with its time zone.</source>
        <translation>字段“{field}”须为带时区的 ISO 8601 时间。</translation>
    </message>
    <message>
        <source>The field “{field}” must be a month written YYYY-MM.</source>
        <translation>字段“{field}”必须是 YYYY-MM 格式的月份。</translation>
    </message>
    <message>
        <source>The field “{field}” must be an object.</source>
        <translation>字段“{field}”必须是一个对象。</translation>
    </message>
    <message>
        <source>An item of “{field}” is not shaped as expected.</source>
        <translation>“{field}”中有一项格式不正确。</translation>
    </message>
    <message>
        <source>“{value}” is not a valid id.</source>
        <translation>“{value}”不是有效的标识。</translation>
    </message>
    <message>
        <source>Unknown field “{field}”.</source>
        <translation>未知字段“{field}”。</translation>
    </message>
    <message>
        <source>The field “{field}” is required.</source>
        <translation>“{field}”为必填项。</translation>
    </message>
    <message>
        <source>Only a chief of the channel “{channel}” can do this.</source>
        <translation>只有“{channel}”频道的负责人可以执行此操作。</translation>
    </message>
    <message>
        <source>“{title}” is not in a state that allows this.</source>
        <translation>“{title}”当前的状态不允许此操作。</translation>
    </message>
    <message>
        <source>Only editors and chiefs of “{channel}” can propose stories there.</source>
        <translation>只有“{channel}”频道的编辑和负责人可以在该频道报题。</translation>
    </message>
    <message>
        <source>Only the proposer can change a proposal before it is submitted.</source>
        <translation>报题提交前只有报题人可以修改。</translation>
    </message>
    <message>
        <source>Only the proposer can submit this proposal.</source>
        <translation>只有报题人可以提交此报题。</translation>
    </message>
    <message>
        <source>Only a draft or a returned proposal can be submitted.</source>
        <translation>只有草稿或被退回的报题可以提交。</translation>
    </message>
    <message>
        <source>Only a submitted proposal can be selected into the topic library.</source>
        <translation>只有已提交的报题可以选入选题库。</translation>
    </message>
    <message>
        <source>Only a submitted or selected proposal that is not yet assigned can be returned.</source>
        <translation>只有已提交或已入选且尚未指派的报题可以退回。</translation>
    </message>
    <message>
        <source>Only the proposer can delete a draft.</source>
        <translation>只有报题人可以删除草稿。</translation>
    </message>
    <message>
        <source>A proposal that is deleted, assigned or being written cannot be deleted.</source>
        <translation>已删除、已指派或正在写作的报题不能删除。</translation>
    </message>
    <message>
        <source>Only a deleted proposal can be restored.</source>
        <translation>只有已删除的报题可以恢复。</translation>
    </message>
    <message>
        <source>Only a topic in the topic library can be assigned.</source>
        <translation>只有选题库中的选题可以指派。</translation>
    </message>
    <message>
        <source>Only an editor this topic is assigned to can start writing it.</source>
        <translation>只有被指派该选题的编辑可以开始写作。</translation>
    </message>
    <message>
        <source>Writing can only start on an assigned topic that is not yet started.</source>
        <translation>只有已指派且尚未开始的选题可以开始写作。</translation>
    </message>
    <message>
        <source>Only an assigned topic that is not yet done can get a new due date.</source>
        <translation>只有已指派且尚未完成的选题才能更改截止日期。</translation>
    </message>
    <message>
        <source>That proposal does not exist.</source>
        <translation>该报题不存在。</translation>
    </message>
    <message>
        <source>A proposal with this id already exists.</source>
        <translation>已存在使用此标识的报题。</translation>
    </message>
    <message>
        <source>The proposal “{title}” was changed by someone else after you chose to delete it; look at it again and delete it once more if you still want to.</source>
        <translation>在您决定删除选题“{title}”之后，其他人修改了它；请重新查看，如仍要删除，请再删除一次。</translation>
    </message>
    <message>
        <source>Choose at least one editor to assign the topic to.</source>
        <translation>请至少选择一位编辑来承担该选题。</translation>
    </message>
    <message>
        <source>{name} is not an editor of “{channel}”.</source>
        <translation>{name}不是“{channel}”频道的编辑。</translation>
    </message>
    <message>
        <source>A card cannot go from “{source}” to “{target}”.</source>
        <translation>卡片不能从“{source}”移到“{target}”。</translation>
    </message>
    <message>
        <source>That does not apply to this card.</source>
        <translation>此操作不适用于这张卡片。</translation>
    </message>
    <message>
        <source>The board is still loading its cards: try again in a moment.</source>
        <translation>看板仍在加载卡片，请稍后再试。</translation>
    </message>
    <message>
        <source>This refers to a file you have not uploaded and may not read; add the file again from your computer.</source>
        <translation>此处引用了一个你未上传、也无权读取的文件；请从你的电脑重新添加该文件。</translation>
    </message>
    <message>
        <source>This change is too large to send to the newsroom server ({size}; it takes at most {limit} at once). Nothing was saved: shorten the text or split the article, and add large images as attachments rather than pasted into the text.</source>
        <translation>这次修改太大，无法发送到编辑部服务器（{size}；服务器一次最多接收 {limit}）。本次修改未保存：请缩短正文或拆分稿件，较大的图片请作为附件添加，不要直接粘贴到正文中。</translation>
    </message>
    <message>
        <source>Only an administrator or the channel&apos;s chief can change its sources.</source>
        <translation>只有系统管理员或该频道负责人可以修改其来源。</translation>
    </message>
    <message>
        <source>That source does not exist.</source>
        <translation>该来源不存在。</translation>
    </message>
    <message>
        <source>The channel already follows this feed as “{name}”.</source>
        <translation>该频道已订阅此源，名为“{name}”。</translation>
    </message>
    <message>
        <source>That source already exists.</source>
        <translation>该来源已存在。</translation>
    </message>
    <message>
        <source>Only an administrator or the channel&apos;s chief can add leads.</source>
        <translation>只有系统管理员或该频道负责人可以添加线索。</translation>
    </message>
    <message>
        <source>A lead is named by its source and its item&apos;s guid.</source>
        <translation>线索须以其来源及条目的 guid 命名。</translation>
    </message>
    <message>
        <source>That source was removed.</source>
        <translation>该来源已被删除。</translation>
    </message>
    <message>
        <source>That lead does not exist.</source>
        <translation>该线索不存在。</translation>
    </message>
    <message>
        <source>That platform account does not exist.</source>
        <translation>该平台账号不存在。</translation>
    </message>
    <message>
        <source>Only the channel&apos;s chief or editors can record its platform data.</source>
        <translation>只有本频道的主编或编辑可以登记平台数据。</translation>
    </message>
    <message>
        <source>Only an administrator or the channel&apos;s chief can keep its accounts.</source>
        <translation>只有系统管理员或本频道主编可以管理平台账号。</translation>
    </message>
    <message>
        <source>That account already exists.</source>
        <translation>该账号已存在。</translation>
    </message>
    <message>
        <source>The screenshot has not been uploaded.</source>
        <translation>截图尚未上传。</translation>
    </message>
    <message>
        <source>Row {number} is matched to an article the channel does not have.</source>
        <translation>第 {number} 行匹配到的稿件不属于本频道。</translation>
    </message>
    <message>
        <source>Only an administrator can set targets.</source>
        <translation>只有系统管理员可以设定年度目标。</translation>
    </message>
    <message>
        <source>A target is named by its channel, account and year.</source>
        <translation>年度目标按频道、账号和年份命名。</translation>
    </message>
    <message>
        <source>That message already exists.</source>
        <translation>该留言已存在。</translation>
    </message>
    <message>
        <source>That message does not exist.</source>
        <translation>该留言不存在。</translation>
    </message>
    <message>
        <source>Only the channel&apos;s chief or editors can handle its messages.</source>
        <translation>只有本频道的主编或编辑可以处理留言。</translation>
    </message>
    <message>
        <source>A message is assigned to someone working in its channel.</source>
        <translation>留言只能指派给本频道的人员。</translation>
    </message>
    <message>
        <source>That message is closed.</source>
        <translation>该留言已关闭。</translation>
    </message>
    <message>
        <source>Only the user themself can mark their notifications read.</source>
        <translation>只有本人才能将自己的通知标为已读。</translation>
    </message>
</context>
<context>
    <name>ReleaseDialog</name>
    <message>
        <source>Newsdesk {version} is available</source>
        <translation>采编台 {version} 已发布</translation>
    </message>
    <message>
        <source>Your branch offers Newsdesk {version}; this desktop runs {current}. Newsdesk does not update itself: install it from {address}, or ask your IT department.</source>
        <translation>本单位提供采编台 {version}，此电脑上运行的是 {current}。采编台不会自行更新：请从 {address} 安装，或联系信息技术部门。</translation>
    </message>
    <message>
        <source>Your branch lists its versions at {address}.</source>
        <translation>本分社在 {address} 提供各版本。</translation>
    </message>
    <message>
        <source>Open the installer&apos;s address</source>
        <translation>打开安装程序地址</translation>
    </message>
    <message>
        <source>Open your branch&apos;s page</source>
        <translation>打开本分社的页面</translation>
    </message>
    <message>
        <source>Don&apos;t remind me of this version</source>
        <translation>不再提醒此版本</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>以后再说</translation>
    </message>
</context>
<context>
    <name>RemoteImagesBar</name>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Remove these images</source>
        <translation>删除这些图片</translation>
    </message>
    <message>
        <source>it could not be stored in the workspace</source>
        <translation>无法保存到工作区</translation>
    </message>
    <message>
        <source>the server refused to hand it out</source>
        <translation>服务器拒绝提供</translation>
    </message>
    <message>
        <source>it is no longer on the server</source>
        <translation>服务器上已不存在</translation>
    </message>
    <message>
        <source>the server sent something that is not an image</source>
        <translation>服务器返回的不是图片</translation>
    </message>
    <message>
        <source>it is larger than {limit} MB</source>
        <translation>超过 {limit} MB</translation>
    </message>
    <message>
        <source>the server could not be reached (offline?)</source>
        <translation>无法连接服务器（是否离线？）</translation>
    </message>
    <message>
        <source>the server answered with an error</source>
        <translation>服务器返回错误</translation>
    </message>
    <message numerus="yes">
        <source>Downloading %n image(s) from other servers into the workspace…</source>
        <translation>
            <numerusform>正在将 %n 张外部图片下载到工作区……</numerusform>
        </translation>
    </message>
    <message>
        <source>These images could not be downloaded. The article cannot be submitted while its body shows images from other servers: try again, insert your own copy, or remove them.</source>
        <translation>以下图片无法下载。正文含有外部服务器图片时稿件不能提交：请重试、插入本地图片或删除。</translation>
    </message>
    <message>
        <source>• {url}: {reason}</source>
        <translation>• {url}：{reason}</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Proposals</source>
        <translation>报题数</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>入选</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>撰稿</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>PC</source>
        <translation>PC</translation>
    </message>
    <message>
        <source>WAP</source>
        <translation>WAP</translation>
    </message>
    <message>
        <source>APP</source>
        <translation>APP</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原创</translation>
    </message>
    <message>
        <source>Repost</source>
        <translation>转载</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>字数</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>按时完成</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Not yet due</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Retractions</source>
        <translation>撤稿</translation>
    </message>
    <message>
        <source>First review</source>
        <translation>初审</translation>
    </message>
    <message>
        <source>Second review</source>
        <translation>复审</translation>
    </message>
    <message>
        <source>Final review</source>
        <translation>终审</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Retraction</source>
        <translation>撤稿</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>频道统计</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>Days without publishing</source>
        <translation>无发布天数</translation>
    </message>
    <message>
        <source>Longest silence (days)</source>
        <translation>最长连续无发布（天）</translation>
    </message>
    <message>
        <source>Publish at least every (days)</source>
        <translation>发布间隔要求（天）</translation>
    </message>
    <message>
        <source>Days since last publication</source>
        <translation>距上次发布（天）</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员统计</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Review turnaround</source>
        <translation>审核时效</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>审核级别</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>审核次数</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>不予采用</translation>
    </message>
    <message>
        <source>Share returned</source>
        <translation>退回比例</translation>
    </message>
    <message>
        <source>Share rejected</source>
        <translation>不予采用比例</translation>
    </message>
    <message>
        <source>Median (hours)</source>
        <translation>中位时长（小时）</translation>
    </message>
    <message>
        <source>90th percentile (hours)</source>
        <translation>90% 分位时长（小时）</translation>
    </message>
    <message>
        <source>Top return reasons</source>
        <translation>主要退回原因</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>(no reason given)</source>
        <translation>（未填写原因）</translation>
    </message>
    <message>
        <source>Corrections and retractions</source>
        <translation>更正与撤稿</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Publications per week</source>
        <translation>每周发布量</translation>
    </message>
    <message>
        <source>Week of</source>
        <translation>周起始日</translation>
    </message>
    <message>
        <source>Articles published</source>
        <translation>发布篇数</translation>
    </message>
    <message>
        <source>{department} · Production report · {first} to {last}</source>
        <translation>{department} · 采编生产统计报表 · {first} 至 {last}</translation>
    </message>
    <message>
        <source>{option} “{text}” is not a date; write it as YYYY-MM-DD.</source>
        <translation>{option}“{text}”不是日期，请写成 YYYY-MM-DD。</translation>
    </message>
    <message>
        <source>The period ends ({last}) before it starts ({first}).</source>
        <translation>统计周期的截止日期（{last}）早于起始日期（{first}）。</translation>
    </message>
    <message>
        <source>Cannot write “{name}”: the file must end in {allowed}.</source>
        <translation>无法写入“{name}”：文件扩展名须为 {allowed}。</translation>
    </message>
    <message>
        <source>Output per person</source>
        <translation>人员产出</translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
</context>
<context>
    <name>Repost</name>
    <message>
        <source>the article is behind a paywall or a sign-in; only its opening is public</source>
        <translation>文章需付费或登录后才能阅读，公开的只有开头部分</translation>
    </message>
    <message>
        <source>no article was found on the page</source>
        <translation>页面上没有找到文章</translation>
    </message>
    <message>
        <source>{id}  《{title}》  from {url}</source>
        <translation>{id}  《{title}》  转载自 {url}</translation>
    </message>
    <message>
        <source>Not reposted: {url}: {reason}</source>
        <translation>未能转载：{url}：{reason}</translation>
    </message>
    <message>
        <source>  similar to “{title}” by {by}, already here</source>
        <translation>  与本地已有的《{title}》（{by}）相似</translation>
    </message>
    <message>
        <source>  same original address as “{title}” by {by}, already here</source>
        <translation>  与本地已有的《{title}》（{by}）同一原文地址</translation>
    </message>
    <message>
        <source>  an image could not be fetched and still points at its site: {url} ({reason})</source>
        <translation>  有一张图片未能下载，仍指向原网站：{url}（{reason}）</translation>
    </message>
    <message>
        <source>only http:// and https:// addresses can be reposted</source>
        <translation>只能转载 http:// 和 https:// 地址</translation>
    </message>
    <message>
        <source>the address is on this computer or the private network; an administrator can allow intranet addresses</source>
        <translation>该地址位于本机或私有网络；管理员可以允许内网地址</translation>
    </message>
    <message>
        <source>the page could not be reached (no network, or no such site)</source>
        <translation>无法访问该页面（没有网络，或网站不存在）</translation>
    </message>
    <message>
        <source>the site did not answer in time</source>
        <translation>网站没有及时响应</translation>
    </message>
    <message>
        <source>the site says the page does not exist</source>
        <translation>网站表示该页面不存在</translation>
    </message>
    <message>
        <source>the site refused to give the page</source>
        <translation>网站拒绝提供该页面</translation>
    </message>
    <message>
        <source>the site had an error ({detail})</source>
        <translation>网站出错（{detail}）</translation>
    </message>
    <message>
        <source>it is larger than {limit} MB</source>
        <translation>超过 {limit} MB</translation>
    </message>
    <message>
        <source>the address is not a web page ({detail})</source>
        <translation>该地址不是网页（{detail}）</translation>
    </message>
    <message>
        <source>the site sent something other than an image</source>
        <translation>网站返回的不是图片</translation>
    </message>
    <message>
        <source>the site sends the address round in circles (too many redirects)</source>
        <translation>网站把地址来回跳转（重定向次数过多）</translation>
    </message>
</context>
<context>
    <name>RepostDialog</name>
    <message>
        <source>Repost from the web</source>
        <translation>从网页转载</translation>
    </message>
    <message>
        <source>Paste one or more web addresses, one per line. Each becomes a repost (转载) article in the channel you choose, with its source, author and editor filled in and its images downloaded.</source>
        <translation>粘贴一个或多个网址，每行一个。每个网址都会在所选频道中生成一篇转载稿件，自动填写来源、作者和责任编辑，并把图片下载到本地。</translation>
    </message>
    <message>
        <source>Allow intranet addresses (for everyone here)</source>
        <translation>允许内网地址（对本工作区所有人生效）</translation>
    </message>
    <message>
        <source>Addresses on this computer or the private network are refused unless an administrator allows them, so that a pasted address cannot reach the newsroom&apos;s own services.</source>
        <translation>除非管理员允许，本机和私有网络中的地址一律拒绝，以免粘贴的网址访问到编辑部自己的服务。</translation>
    </message>
    <message>
        <source>Web addresses</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Repost</source>
        <translation>转载</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Open article</source>
        <translation>打开稿件</translation>
    </message>
    <message>
        <source>You are not an editor in any channel, so you cannot repost.</source>
        <translation>您不是任何频道的编辑，不能转载。</translation>
    </message>
    <message>
        <source>Paste at least one web address starting with http:// or https://.</source>
        <translation>请至少粘贴一个以 http:// 或 https:// 开头的网址。</translation>
    </message>
    <message>
        <source>“{text}” is not a web address; each line holds one address.</source>
        <translation>“{text}”不是网址；每行填写一个网址。</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>{done} of {total} addresses became repost articles.</source>
        <translation>{total} 个地址中有 {done} 个已成为转载稿件。</translation>
    </message>
    <message>
        <source>Fetching…</source>
        <translation>正在获取…</translation>
    </message>
    <message>
        <source>Fetching images: {done} of {total}</source>
        <translation>正在下载图片：{done}/{total}</translation>
    </message>
    <message>
        <source>Not reposted: {reason}</source>
        <translation>未能转载：{reason}</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Reposted as “{title}”</source>
        <translation>已转载为《{title}》</translation>
    </message>
    <message numerus="yes">
        <source> — %n image(s) could not be downloaded; the editor lists them</source>
        <translation>
            <numerusform>——有 %n 张图片未能下载，编辑器中会列出</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RetractDialog</name>
    <message>
        <source>Retract article</source>
        <translation>撤稿</translation>
    </message>
    <message>
        <source>Every target withdraws the article: the PC and WAP pages are replaced by a notice giving this reason, the app document is re-issued as canceled and the feeds are updated. This cannot be undone.</source>
        <translation>所有终端都将撤下该稿件：PC 和 WAP 页面替换为载明撤稿原因的公告，APP 文档重新发出并标为已撤销，各频道的订阅清单随之更新。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Reason for retracting (required)</source>
        <translation>撤稿原因（必填）</translation>
    </message>
    <message>
        <source>Retract from every target</source>
        <translation>从所有终端撤稿</translation>
    </message>
    <message>
        <source>Retract “{title}”</source>
        <translation>撤下“{title}”</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Return proposal</source>
        <translation>退回报题</translation>
    </message>
    <message>
        <source>The proposer sees this reason with the returned proposal. Say what is missing or why the story is not taken, so that they can improve it and submit it again.</source>
        <translation>报题人会在被退回的报题上看到这段理由。请说明缺少什么或为何不采用，以便对方修改后重新提交。</translation>
    </message>
    <message>
        <source>Reason for returning (required)</source>
        <translation>退回理由（必填）</translation>
    </message>
    <message>
        <source>Return to proposer</source>
        <translation>退回给报题人</translation>
    </message>
    <message>
        <source>Return “{title}”</source>
        <translation>退回“{title}”</translation>
    </message>
    <message>
        <source>{count}/{limit} characters</source>
        <translation>{count}/{limit} 字</translation>
    </message>
</context>
<context>
    <name>ReviewNotes</name>
    <message>
        <source>“{quote}” is no longer in the text.</source>
        <translation>正文中已没有“{quote}”。</translation>
    </message>
    <message>
        <source>The reviewers returned the article:</source>
        <translation>审核人退回了稿件：</translation>
    </message>
    <message>
        <source>No review comments on the latest revision.</source>
        <translation>最新版本没有审核意见。</translation>
    </message>
    <message>
        <source>{time} · {level} {reviewer}</source>
        <translation>{time} · {level} {reviewer}</translation>
    </message>
    <message>
        <source>{decision}
{comment}</source>
        <translation>{decision}
{comment}</translation>
    </message>
    <message>
        <source>“{quote}”
{comment}</source>
        <translation>“{quote}”
{comment}</translation>
    </message>
    <message>
        <source>Click to select the passage in the text</source>
        <translation>点击可在正文中选中该段文字</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review queue</source>
        <translation>审核队列</translation>
    </message>
    <message>
        <source>Loading the review queue…</source>
        <translation>正在加载审核队列…</translation>
    </message>
    <message>
        <source>{step} of revision {number} · {channel}</source>
        <translation>第 {number} 版{step} · {channel}</translation>
    </message>
    <message>
        <source>Nothing waits for your review.</source>
        <translation>目前没有待您审核的稿件。</translation>
    </message>
    <message>
        <source>Select a passage of the article first.</source>
        <translation>请先在稿件中选中一段文字。</translation>
    </message>
    <message>
        <source>Signed off “{title}”; it will be published at {time}.</source>
        <translation>已签发《{title}》，将于 {time} 自动发布。</translation>
    </message>
</context>
<context>
    <name>ReviewQueue</name>
    <message>
        <source>due {date}</source>
        <translation>截止 {date}</translation>
    </message>
</context>
<context>
    <name>RevisionsModel</name>
    <message>
        <source>Not submitted for review yet</source>
        <translation>尚未送审</translation>
    </message>
    <message>
        <source>Same as revision {number}</source>
        <translation>与第 {number} 版相同</translation>
    </message>
    <message>
        <source>Changed since revision {number}</source>
        <translation>自第 {number} 版以来有改动</translation>
    </message>
    <message>
        <source>Current draft · {time}</source>
        <translation>当前草稿 · {time}</translation>
    </message>
    <message>
        <source>Revision {number} · {author} · {time}</source>
        <translation>第 {number} 版 · {author} · {time}</translation>
    </message>
    <message>
        <source>{level} approved</source>
        <translation>{level}通过</translation>
    </message>
    <message>
        <source>{level} returned</source>
        <translation>{level}退回</translation>
    </message>
    <message>
        <source>{level} rejected</source>
        <translation>{level}否决</translation>
    </message>
    <message>
        <source>{outcome}: {comment}</source>
        <translation>{outcome}：{comment}</translation>
    </message>
    <message>
        <source>{time} · {reviewer} · {outcome}</source>
        <translation>{time} · {reviewer} · {outcome}</translation>
    </message>
    <message>
        <source>{decision}: {comment}</source>
        <translation>{decision}：{comment}</translation>
    </message>
    <message>
        <source>No review decision yet</source>
        <translation>尚无审核意见</translation>
    </message>
</context>
<context>
    <name>RevisionsPanel</name>
    <message>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Restore this revision</source>
        <translation>恢复此版本</translation>
    </message>
    <message>
        <source>The article could not be found.</source>
        <translation>找不到该稿件。</translation>
    </message>
    <message>
        <source>Select one revision to restore it as the current draft.</source>
        <translation>请选择一个版本，将其恢复为当前草稿。</translation>
    </message>
    <message>
        <source>The current draft already has this revision&apos;s text.</source>
        <translation>当前草稿已与此版本内容相同。</translation>
    </message>
    <message>
        <source>Compare the two selected versions, or a revision with the current draft.</source>
        <translation>对比所选的两个版本，或将某一版本与当前草稿对比。</translation>
    </message>
    <message>
        <source>Make this revision&apos;s text the current draft; history keeps all.</source>
        <translation>将此版本的内容设为当前草稿；历史记录全部保留。</translation>
    </message>
    <message>
        <source>Current draft</source>
        <translation>当前草稿</translation>
    </message>
    <message>
        <source>Revision {number} is the current draft again.</source>
        <translation>第 {number} 版已重新成为当前草稿。</translation>
    </message>
</context>
<context>
    <name>RolesModel</name>
    <message>
        <source>This channel has fewer review levels.</source>
        <translation>该频道的审核级数较少。</translation>
    </message>
</context>
<context>
    <name>ScheduleChoice</name>
    <message>
        <source>Scheduled publishing</source>
        <translation>定时发布</translation>
    </message>
    <message>
        <source>Publish the article by itself at the chosen time</source>
        <translation>在所选时间自动发布稿件</translation>
    </message>
</context>
<context>
    <name>SelfTest</name>
    <message>
        <source>No font draws Chinese ({chars}): it would show as empty boxes. Install one of {families}.</source>
        <translation>没有能显示中文的字体（{chars}）：中文会显示为空方框。请安装以下字体之一：{families}。</translation>
    </message>
    <message>
        <source>newsdesk_zh_CN.qm is missing from {path}.</source>
        <translation>{path} 中缺少 newsdesk_zh_CN.qm。</translation>
    </message>
    <message>
        <source>{path} holds no usable catalogue.</source>
        <translation>{path} 中没有可用的翻译文件。</translation>
    </message>
    <message>
        <source>Qt&apos;s qtbase_zh_CN.qm is missing from {path}.</source>
        <translation>{path} 中缺少 Qt 自带的 qtbase_zh_CN.qm。</translation>
    </message>
    <message>
        <source>A rendered page lacks the article&apos;s title or text.</source>
        <translation>生成的页面缺少稿件的标题或正文。</translation>
    </message>
    <message>
        <source>The shipped word list in {path} found nothing.</source>
        <translation>{path} 中随附的词表没有查出任何词。</translation>
    </message>
    <message>
        <source>{count} words</source>
        <translation>{count} 个词</translation>
    </message>
    <message>
        <source>{format} images do not come back as written.</source>
        <translation>{format} 图片写入后读出的内容不一致。</translation>
    </message>
    <message>
        <source>SQLite lacks FTS5 ({reason}).</source>
        <translation>SQLite 不支持 FTS5（{reason}）。</translation>
    </message>
    <message>
        <source>SQLite&apos;s full-text search found nothing.</source>
        <translation>SQLite 全文检索没有找到任何结果。</translation>
    </message>
    <message>
        <source>Searching the new workspace found nothing.</source>
        <translation>在新建的工作区中检索，没有找到任何结果。</translation>
    </message>
    <message>
        <source>created, written, searched and removed in {seconds:.1f} s</source>
        <translation>已创建、写入、检索并删除，用时 {seconds:.1f} 秒</translation>
    </message>
    <message>
        <source>Icon sizes missing from {path}: {sizes}</source>
        <translation>{path} 中缺少以下尺寸的图标：{sizes}</translation>
    </message>
    <message>
        <source>none at {path}</source>
        <translation>{path} 处没有预设</translation>
    </message>
    <message>
        <source>No CA certificates in {path}.</source>
        <translation>{path} 中没有 CA 证书。</translation>
    </message>
    <message>
        <source>{count} CA certificates</source>
        <translation>{count} 个 CA 证书</translation>
    </message>
    <message>
        <source>Cannot write to {path} ({reason}).</source>
        <translation>无法写入 {path}（{reason}）。</translation>
    </message>
    <message>
        <source>none configured; skipped</source>
        <translation>未配置，已跳过</translation>
    </message>
    <message>
        <source>{url} cannot be reached ({reason}).</source>
        <translation>无法连接 {url}（{reason}）。</translation>
    </message>
    <message>
        <source>{url} answered {status}.</source>
        <translation>{url} 返回了 {status}。</translation>
    </message>
    <message>
        <source>Qt platform plugin</source>
        <translation>Qt 平台插件</translation>
    </message>
    <message>
        <source>Chinese font</source>
        <translation>中文字体</translation>
    </message>
    <message>
        <source>Translations</source>
        <translation>界面翻译</translation>
    </message>
    <message>
        <source>Page templates</source>
        <translation>页面模板</translation>
    </message>
    <message>
        <source>Sensitive-word lists</source>
        <translation>敏感词表</translation>
    </message>
    <message>
        <source>Images (JPEG, PNG, WebP)</source>
        <translation>图片（JPEG、PNG、WebP）</translation>
    </message>
    <message>
        <source>SQLite full-text search</source>
        <translation>SQLite 全文检索</translation>
    </message>
    <message>
        <source>A new workspace</source>
        <translation>新建工作区</translation>
    </message>
    <message>
        <source>Application icon</source>
        <translation>应用图标</translation>
    </message>
    <message>
        <source>Branch preset</source>
        <translation>分社预设</translation>
    </message>
    <message>
        <source>TLS certificates</source>
        <translation>TLS 证书</translation>
    </message>
    <message>
        <source>Data folder writable</source>
        <translation>数据文件夹可写</translation>
    </message>
    <message>
        <source>Sync server</source>
        <translation>同步服务器</translation>
    </message>
    <message>
        <source>All checks passed.</source>
        <translation>全部检查通过。</translation>
    </message>
    <message>
        <source>{failed} of {total} checks failed.</source>
        <translation>{total} 项检查中有 {failed} 项未通过。</translation>
    </message>
</context>
<context>
    <name>Server</name>
    <message>
        <source>The database has no active administrator: run “newsdesk-server init”.</source>
        <translation>数据库中没有可用的管理员：请运行“newsdesk-server init”。</translation>
    </message>
    <message>
        <source>There is no user “{login}”.</source>
        <translation>没有用户“{login}”。</translation>
    </message>
    <message>
        <source>This database already has users; it was set up before.</source>
        <translation>此数据库已有用户，之前已经初始化过。</translation>
    </message>
    <message>
        <source>The backup failed: {reason}</source>
        <translation>备份失败：{reason}</translation>
    </message>
    <message>
        <source>The restore failed: {reason}</source>
        <translation>恢复失败：{reason}</translation>
    </message>
    <message>
        <source>Nothing was archived: {reason}</source>
        <translation>未归档任何记录：{reason}</translation>
    </message>
    <message>
        <source>The export failed: {reason}</source>
        <translation>导出失败：{reason}</translation>
    </message>
    <message>
        <source>There is no channel “{name}”.</source>
        <translation>没有名为“{name}”的频道。</translation>
    </message>
    <message>
        <source>There is no source “{wanted}”.</source>
        <translation>没有来源“{wanted}”。</translation>
    </message>
    <message>
        <source>Several sources are named “{wanted}”: give the id instead.</source>
        <translation>有多个来源名为“{wanted}”，请改用其标识。</translation>
    </message>
</context>
<context>
    <name>ServerConfig</name>
    <message>
        <source>The configuration file {path} cannot be used: {reason}</source>
        <translation>配置文件 {path} 无法使用：{reason}</translation>
    </message>
    <message>
        <source>it cannot be read ({reason}).</source>
        <translation>无法读取该文件（{reason}）。</translation>
    </message>
    <message>
        <source>it is too large to be one.</source>
        <translation>文件太大，不是配置文件。</translation>
    </message>
    <message>
        <source>it is not saved as UTF-8.</source>
        <translation>文件不是以 UTF-8 编码保存的。</translation>
    </message>
    <message>
        <source>it is not valid TOML ({reason}).</source>
        <translation>文件不是有效的 TOML（{reason}）。</translation>
    </message>
    <message>
        <source>“{field}” is not a field of it (known: {known}).</source>
        <translation>“{field}”不是配置字段（可用字段：{known}）。</translation>
    </message>
    <message>
        <source>the field “{field}” must be text in quotes.</source>
        <translation>字段“{field}”必须是加引号的文字。</translation>
    </message>
    <message>
        <source>the field “{field}” must be true or false.</source>
        <translation>字段“{field}”必须是 true 或 false。</translation>
    </message>
    <message>
        <source>the field “{field}” must be a number greater than 0.</source>
        <translation>字段“{field}”必须是大于 0 的数。</translation>
    </message>
    <message>
        <source>the field “{field}” must be a whole number from 1 to 65535.</source>
        <translation>字段“{field}”必须是 1 到 65535 之间的整数。</translation>
    </message>
    <message>
        <source>the field “{field}” must be “zh_CN” or “en”.</source>
        <translation>字段“{field}”必须是“zh_CN”或“en”。</translation>
    </message>
    <message>
        <source>“publishing” must be a table ([publishing]).</source>
        <translation>“publishing”必须是一个表（[publishing]）。</translation>
    </message>
    <message>
        <source>the field “{field}” must be a table of text by target (pc, wap, app).</source>
        <translation>字段“{field}”必须是按发布端（pc、wap、app）列出文字的表。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Notification settings</source>
        <translation>通知设置</translation>
    </message>
    <message>
        <source>Show on the desktop when Newsdesk is not in front</source>
        <translation>采编台不在前台时，在桌面上提示</translation>
    </message>
    <message>
        <source>&amp;Quiet hours: no desktop messages</source>
        <translation>免打扰时段(&amp;Q)：不弹出桌面提示</translation>
    </message>
    <message>
        <source>Quiet from</source>
        <translation>免打扰开始</translation>
    </message>
    <message>
        <source>Quiet until</source>
        <translation>免打扰结束</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>The bell counts every notification; these choices are for this computer.</source>
        <translation>铃铛会计入全部通知；以上选择只对本机有效。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to Newsdesk</source>
        <translation>登录采编台</translation>
    </message>
    <message>
        <source>Workspace: {name}</source>
        <translation>工作区：{name}</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>This is the demo newsroom: every user&apos;s password is “{password}”. Try editor (writes), reviewer1 (reviews), publisher (signs off) or chief.</source>
        <translation>这是演示编辑部：所有用户的密码都是“{password}”。可试用 editor（写稿）、reviewer1（审核）、publisher（签发）或 chief（频道负责人）。</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>The user or the password is wrong.</source>
        <translation>用户名或密码错误。</translation>
    </message>
</context>
<context>
    <name>SimilarHint</name>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>{month}/{day}</source>
        <translation>{month}月{day}日</translation>
    </message>
    <message>
        <source>“{title}”, proposed by {name} {when}</source>
        <translation>《{title}》{name} {when}报题</translation>
    </message>
    <message>
        <source>“{title}”, written by {name} {when}</source>
        <translation>《{title}》{name} {when}写稿</translation>
    </message>
    <message>
        <source>[same original address] </source>
        <translation>【同一原文地址】</translation>
    </message>
    <message>
        <source> (deleted)</source>
        <translation>（已删除）</translation>
    </message>
    <message>
        <source>Similar: {items}</source>
        <translation>相似：{items}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>SourceDialog</name>
    <message>
        <source>Edit source</source>
        <translation>编辑来源</translation>
    </message>
    <message>
        <source>New source</source>
        <translation>新建来源</translation>
    </message>
    <message>
        <source>Tell by the feed</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Feed address</source>
        <translation>订阅地址</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>Poll every</source>
        <translation>抓取间隔</translation>
    </message>
    <message>
        <source>Choose the channel whose leads these are.</source>
        <translation>请选择接收这些线索的频道。</translation>
    </message>
    <message>
        <source>Give the source a name.</source>
        <translation>请为来源填写名称。</translation>
    </message>
    <message>
        <source>The feed address must be a web address starting with http:// or https://.</source>
        <translation>订阅地址须为以 http:// 或 https:// 开头的网址。</translation>
    </message>
    <message>
        <source>Poll at most every {minutes} minutes; feeds change no faster.</source>
        <translation>抓取间隔不能少于 {minutes} 分钟；订阅源不会更新得更快。</translation>
    </message>
</context>
<context>
    <name>SourcesModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>Feed address</source>
        <translation>订阅地址</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>间隔</translation>
    </message>
    <message>
        <source>Polling</source>
        <translation>抓取状态</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Not polled yet</source>
        <translation>尚未抓取</translation>
    </message>
    <message>
        <source>Failed {count} time(s) in a row: {error}. Next try {when}</source>
        <translation>连续失败 {count} 次：{error}。下次尝试 {when}</translation>
    </message>
    <message>
        <source>Polled {when}</source>
        <translation>{when} 已抓取</translation>
    </message>
</context>
<context>
    <name>SourcesTab</name>
    <message>
        <source>No sources yet: add the feeds to follow.</source>
        <translation>还没有来源：请添加要订阅的信息源。</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Add source…</source>
        <translation>添加来源…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Source {name} added.</source>
        <translation>已添加来源“{name}”。</translation>
    </message>
    <message>
        <source>Source {name} saved.</source>
        <translation>已保存来源“{name}”。</translation>
    </message>
    <message>
        <source>Source {name} paused.</source>
        <translation>已暂停来源“{name}”。</translation>
    </message>
    <message>
        <source>Source {name} is polled again.</source>
        <translation>来源“{name}”已恢复抓取。</translation>
    </message>
    <message>
        <source>Remove source</source>
        <translation>删除来源</translation>
    </message>
    <message>
        <source>Stop following “{name}”? Its leads stay; no new ones come from it.</source>
        <translation>不再订阅“{name}”？已有线索保留，不会再有新线索。</translation>
    </message>
    <message>
        <source>Source {name} removed.</source>
        <translation>已删除来源“{name}”。</translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <source>Writing</source>
        <translation>写作中</translation>
    </message>
    <message>
        <source>Being revised (revision {number})</source>
        <translation>修改中（第 {number} 版）</translation>
    </message>
    <message>
        <source>In review: {level}</source>
        <translation>审核中：{level}</translation>
    </message>
    <message>
        <source>Approved, waiting for sign-off</source>
        <translation>已通过审核，待签发</translation>
    </message>
</context>
<context>
    <name>Stats</name>
    <message>
        <source>WeChat official account</source>
        <translation>微信公众号</translation>
    </message>
    <message>
        <source>Weibo</source>
        <translation>微博</translation>
    </message>
    <message>
        <source>Douyin</source>
        <translation>抖音</translation>
    </message>
    <message>
        <source>Toutiao</source>
        <translation>今日头条</translation>
    </message>
    <message>
        <source>WeChat Channels</source>
        <translation>视频号</translation>
    </message>
    <message>
        <source>APP</source>
        <translation>APP</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Enquiry</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已答复</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>Published on</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>Reads</source>
        <translation>阅读量</translation>
    </message>
    <message>
        <source>Likes</source>
        <translation>点赞</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>分享</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>留言内容</translation>
    </message>
    <message>
        <source>Message author</source>
        <translation>留言人</translation>
    </message>
    <message>
        <source>Message time</source>
        <translation>留言时间</translation>
    </message>
    <message>
        <source>Message class</source>
        <translation>留言类别</translation>
    </message>
</context>
<context>
    <name>StatsPage</name>
    <message>
        <source>Production</source>
        <translation>生产统计</translation>
    </message>
    <message>
        <source>Platform data</source>
        <translation>平台数据</translation>
    </message>
    <message>
        <source>Yearly targets</source>
        <translation>年度目标</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>留言</translation>
    </message>
    <message>
        <source>Messages (%1 overdue)</source>
        <translation>留言（%1 条逾期）</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>The server was restored from a backup and may have lost changes made here. Push this workspace&apos;s changes to it again?</source>
        <translation>服务器已从备份恢复，可能丢失了在本机所做的修改。要把本工作区的修改重新推送到服务器吗？</translation>
    </message>
    <message>
        <source>{url} is not encrypted (http://): passwords and your work would cross the network in clear text. Use its https:// address, or allow an unencrypted connection explicitly.</source>
        <translation>{url} 不加密（http://）：密码和您的工作会以明文在网络上传输。请使用其 https:// 地址，或明确允许不加密的连接。</translation>
    </message>
    <message>
        <source>The certificate of {url} is not trusted ({reason}). If the newsroom uses its own certificate authority, your IT department adds it to the branch preset.</source>
        <translation>{url} 的证书不受信任（{reason}）。如果编辑部使用自己的证书颁发机构，请由信息技术部门把它加入分社预设。</translation>
    </message>
    <message>
        <source>The server at {url} cannot be reached ({reason}).</source>
        <translation>无法连接服务器 {url}（{reason}）。</translation>
    </message>
    <message>
        <source>The server asks you to sign in again.</source>
        <translation>服务器要求重新登录。</translation>
    </message>
    <message>
        <source>The server does not serve this version of Newsdesk: {detail} Ask your IT department for the update; your work stays on this computer meanwhile.</source>
        <translation>服务器不接受这一版本的采编台：{detail} 请向本单位的信息技术部门索取更新；在此期间，您的工作保存在本机，不会丢失。</translation>
    </message>
    <message>
        <source>The server answered {status}: {detail}</source>
        <translation>服务器返回 {status}：{detail}</translation>
    </message>
    <message>
        <source>Wrong login or password, or a disabled account.</source>
        <translation>登录名或密码错误，或账号已停用。</translation>
    </message>
    <message>
        <source>The server refused the sign-in: {detail}</source>
        <translation>服务器拒绝了登录：{detail}</translation>
    </message>
    <message>
        <source>The server refused the changes sent: {detail}</source>
        <translation>服务器拒绝了推送的修改：{detail}</translation>
    </message>
    <message>
        <source>The server refused an attachment: {detail}</source>
        <translation>服务器拒绝了一个附件：{detail}</translation>
    </message>
    <message>
        <source>The server refused the pull: {detail}</source>
        <translation>服务器拒绝了拉取请求：{detail}</translation>
    </message>
    <message>
        <source>The server refused to announce changes: {detail}</source>
        <translation>服务器拒绝推送变更通知：{detail}</translation>
    </message>
    <message>
        <source>The server refused the audit events: {detail}</source>
        <translation>服务器拒收审计事件：{detail}</translation>
    </message>
    <message>
        <source>The server refused: {detail}</source>
        <translation>服务器拒绝了请求：{detail}</translation>
    </message>
    <message>
        <source>Syncing failed on this computer: {detail}</source>
        <translation>本机同步出错：{detail}</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>The server was restored</source>
        <translation>服务器已恢复</translation>
    </message>
    <message>
        <source>The sync server was restored from a backup and may have lost changes made on this computer.</source>
        <translation>同步服务器已从备份恢复，可能丢失了在本机所做的修改。</translation>
    </message>
    <message>
        <source>Push this workspace&apos;s changes to it again? The server recognises the ones it still has, so nothing is applied twice. Nothing on this computer is deleted either way. Not now keeps syncing paused until you choose Sync now again.</source>
        <translation>要把本工作区的修改重新推送到服务器吗？服务器能识别它已有的修改，不会重复应用。无论如何选择，本机上的内容都不会被删除。选择“暂不”则同步保持暂停，直到您再次选择“立即同步”。</translation>
    </message>
    <message>
        <source>Push again</source>
        <translation>重新推送</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>暂不</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>proposal</source>
        <translation>选题</translation>
    </message>
    <message>
        <source>topic</source>
        <translation>选题</translation>
    </message>
    <message>
        <source>article</source>
        <translation>稿件</translation>
    </message>
    <message>
        <source>platform account</source>
        <translation>平台账号</translation>
    </message>
    <message>
        <source>yearly target</source>
        <translation>年度目标</translation>
    </message>
    <message>
        <source>reader message</source>
        <translation>留言</translation>
    </message>
    <message>
        <source>create</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>select</source>
        <translation>入选</translation>
    </message>
    <message>
        <source>return</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>assign</source>
        <translation>指派</translation>
    </message>
    <message>
        <source>start writing</source>
        <translation>开始撰写</translation>
    </message>
    <message>
        <source>withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>review</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>sign off</source>
        <translation>签发</translation>
    </message>
    <message>
        <source>schedule the publication of</source>
        <translation>定时发布</translation>
    </message>
    <message>
        <source>cancel the scheduled publication of</source>
        <translation>取消定时发布</translation>
    </message>
    <message>
        <source>publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>correct</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>retract</source>
        <translation>撤稿</translation>
    </message>
    <message>
        <source>grant</source>
        <translation>授予</translation>
    </message>
    <message>
        <source>revoke</source>
        <translation>收回</translation>
    </message>
    <message>
        <source>add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>set password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <source>record the month of</source>
        <translation>登记月度数据：</translation>
    </message>
    <message>
        <source>import into</source>
        <translation>导入数据：</translation>
    </message>
    <message>
        <source>set</source>
        <translation>设定</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{verb} {noun}</source>
        <translation>{verb}{noun}</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Refused changes</source>
        <translation>被拒绝的更改</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Concerning</source>
        <translation>涉及</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Put the selected refusals away; the change stays refused.</source>
        <translation>移除所选的被拒记录；这些修改仍然是被拒绝的。</translation>
    </message>
    <message>
        <source>Articles to merge</source>
        <translation>待合并的稿件</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>稿件</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Rows set aside</source>
        <translation>已搁置的内容</translation>
    </message>
    <message>
        <source>Received but not readable here (set aside; the rest of the sync goes on)</source>
        <translation>已收到但本机无法读取的内容（已搁置；其余同步照常进行）</translation>
    </message>
    <message>
        <source>Nothing was refused.</source>
        <translation>没有被拒绝的修改。</translation>
    </message>
    <message>
        <source>No article needs a merge.</source>
        <translation>没有需要合并的稿件。</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Changes the server refused</source>
        <translation>服务器拒绝的修改</translation>
    </message>
    <message>
        <source>Articles that need a merge</source>
        <translation>需要合并的稿件</translation>
    </message>
    <message>
        <source>This workspace is not connected to a server: everything stays on this computer.</source>
        <translation>本工作区未连接服务器：所有内容都只保存在本机。</translation>
    </message>
    <message>
        <source>Online with {server}.</source>
        <translation>已连接 {server}。</translation>
    </message>
    <message>
        <source>Syncing with {server}…</source>
        <translation>正在与 {server} 同步…</translation>
    </message>
    <message>
        <source>Offline: {server} cannot be reached just now.</source>
        <translation>离线：暂时无法连接 {server}。</translation>
    </message>
    <message>
        <source>Not synced with {server}: trying again shortly, or choose Sync now.</source>
        <translation>未能与 {server} 同步：稍后自动重试，也可选择“立即同步”。</translation>
    </message>
    <message>
        <source>{server} asks you to sign in again.</source>
        <translation>{server} 要求您重新登录。</translation>
    </message>
    <message>
        <source>{server} was restored from a backup.</source>
        <translation>{server} 已从备份恢复。</translation>
    </message>
    <message>
        <source>Paused: {server} needs a newer Newsdesk than this one.</source>
        <translation>已暂停：{server} 需要更新版本的采编台。</translation>
    </message>
    <message>
        <source>Last sync at {time}.</source>
        <translation>上次同步于 {time}。</translation>
    </message>
</context>
<context>
    <name>TableDialog</name>
    <message>
        <source>Insert table</source>
        <translation>插入表格</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列数</translation>
    </message>
</context>
<context>
    <name>TargetDialog</name>
    <message>
        <source>Set target</source>
        <translation>设定目标</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Publications</source>
        <translation>发布量</translation>
    </message>
    <message>
        <source>Reads</source>
        <translation>阅读量</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>关注量</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>全部账号</translation>
    </message>
</context>
<context>
    <name>TargetsTab</name>
    <message>
        <source>Set target…</source>
        <translation>设定目标…</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Publications</source>
        <translation>发布量</translation>
    </message>
    <message>
        <source>Reads</source>
        <translation>阅读量</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>关注量</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Yearly targets</source>
        <translation>年度目标</translation>
    </message>
    <message>
        <source>Publications count our articles published in the year; reads and followers come from the imported platform data and the monthly records.</source>
        <translation>发布量统计本年度已发布的本台稿件；阅读量和关注量来自导入的平台数据和月度记录。</translation>
    </message>
    <message>
        <source>Target for %1 saved.</source>
        <translation>%1 年度目标已保存。</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>全部账号</translation>
    </message>
</context>
<context>
    <name>TasksModel</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Assigned by</source>
        <translation>指派人</translation>
    </message>
    <message>
        <source>Together with</source>
        <translation>合作编辑</translation>
    </message>
    <message>
        <source>Overdue: it was due on {date}.</source>
        <translation>已逾期：截止日期为 {date}。</translation>
    </message>
</context>
<context>
    <name>TasksPage</name>
    <message>
        <source>Loading your tasks…</source>
        <translation>正在读取您的任务……</translation>
    </message>
    <message>
        <source>You have no tasks</source>
        <translation>您目前没有任务</translation>
    </message>
    <message>
        <source>When a channel chief assigns a topic to you, it appears here with its due date, and you can start writing it.</source>
        <translation>频道负责人把选题指派给您后，选题会连同截止日期显示在这里，您可以从这里开始写作。</translation>
    </message>
    <message>
        <source>Start writing</source>
        <translation>开始写作</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>详情…</translation>
    </message>
    <message>
        <source>My tasks</source>
        <translation>我的任务</translation>
    </message>
    <message>
        <source>Open: {count}</source>
        <translation>进行中：{count}</translation>
    </message>
    <message>
        <source>Overdue: {count}</source>
        <translation>已逾期：{count}</translation>
    </message>
    <message>
        <source>To start: {count}</source>
        <translation>待开始：{count}</translation>
    </message>
    <message>
        <source>Returned to you: {count}</source>
        <translation>退回给你：{count}</translation>
    </message>
    <message>
        <source>Waiting on your review: {count}</source>
        <translation>待你审核：{count}</translation>
    </message>
    <message>
        <source>Select a task first.</source>
        <translation>请先选择一项任务。</translation>
    </message>
    <message>
        <source>Create the article for this topic and start writing it.</source>
        <translation>为此选题创建稿件并开始写作。</translation>
    </message>
    <message>
        <source>Writing has started: “{title}” is open in the editor.</source>
        <translation>已开始写作：“{title}”已在编辑器中打开。</translation>
    </message>
</context>
<context>
    <name>TopicDetails</name>
    <message>
        <source>Topic details</source>
        <translation>选题详情</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>Proposer</source>
        <translation>报题人</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Planned date</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Assigned by</source>
        <translation>指派人</translation>
    </message>
    <message>
        <source>Editors</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Angle</source>
        <translation>报道角度</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>素材</translation>
    </message>
    <message>
        <source>Open the article</source>
        <translation>打开稿件</translation>
    </message>
    <message>
        <source>Started {time}; now: {state}</source>
        <translation>{time} 开始写作；当前状态：{state}</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>稿件</translation>
    </message>
</context>
<context>
    <name>TopicsModel</name>
    <message>
        <source>Assigned to {names}, due {date}</source>
        <translation>已指派给{names}，{date} 截止</translation>
    </message>
    <message>
        <source>Being written by {names}</source>
        <translation>{names}正在写作</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Deleted by {name}</source>
        <translation>已被{name}删除</translation>
    </message>
    <message>
        <source>Not assigned</source>
        <translation>未指派</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>Proposer</source>
        <translation>报题人</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>指派情况</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>最近修改</translation>
    </message>
    <message>
        <source>Overdue: it was due on {date}.</source>
        <translation>已逾期：截止日期为 {date}。</translation>
    </message>
</context>
<context>
    <name>TopicsPage</name>
    <message>
        <source>Search the topic library</source>
        <translation>搜索选题库</translation>
    </message>
    <message>
        <source>Search titles, angles, notes and tags</source>
        <translation>搜索标题、报道角度、备注和标签</translation>
    </message>
    <message>
        <source>Show deleted</source>
        <translation>显示已删除</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>指派…</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Change the title, angle, plan and materials.</source>
        <translation>修改标题、报道角度、计划和素材。</translation>
    </message>
    <message>
        <source>Choose the editors and the due date.</source>
        <translation>选择负责的编辑和截止日期。</translation>
    </message>
    <message>
        <source>Send it back to the proposer, with a reason.</source>
        <translation>附上理由，退回给报题人。</translation>
    </message>
    <message>
        <source>Remove it from the library (restorable).</source>
        <translation>从选题库中删除（可恢复）。</translation>
    </message>
    <message>
        <source>Bring it back where it was.</source>
        <translation>恢复到删除前的状态。</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>选题</translation>
    </message>
    <message>
        <source>Loading the topic library…</source>
        <translation>正在读取选题库……</translation>
    </message>
    <message>
        <source>Topic library</source>
        <translation>选题库</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部频道</translation>
    </message>
    <message>
        <source>Topics: {count}</source>
        <translation>共 {count} 个选题</translation>
    </message>
    <message>
        <source>Showing {shown} of {total} topics</source>
        <translation>显示 {shown} 个，共 {total} 个选题</translation>
    </message>
    <message>
        <source>No topic matches the search and filters.</source>
        <translation>没有符合搜索和筛选条件的选题。</translation>
    </message>
    <message>
        <source>The topic library is empty. A topic arrives here when a channel chief selects a submitted proposal.</source>
        <translation>选题库是空的。频道负责人选中已提交的报题后，选题会出现在这里。</translation>
    </message>
    <message>
        <source>Select a topic first.</source>
        <translation>请先选择一个选题。</translation>
    </message>
    <message>
        <source>The changes were saved.</source>
        <translation>修改已保存。</translation>
    </message>
    <message>
        <source>“{title}” was assigned to {names}, due {date}.</source>
        <translation>已将“{title}”指派给{names}，{date} 截止。</translation>
    </message>
    <message>
        <source>“{title}” was returned to {name}, who will see your reason.</source>
        <translation>已将“{title}”退回给{name}，对方会看到您填写的理由。</translation>
    </message>
    <message>
        <source>Delete topic</source>
        <translation>删除选题</translation>
    </message>
    <message>
        <source>Delete “{title}”?</source>
        <translation>删除“{title}”？</translation>
    </message>
    <message>
        <source>It leaves the topic library. You can restore it later with “Show deleted”.</source>
        <translation>它将移出选题库。之后可勾选“显示已删除”来恢复。</translation>
    </message>
    <message>
        <source>“{title}” was deleted. Tick “Show deleted” to restore it.</source>
        <translation>已删除“{title}”。勾选“显示已删除”可以恢复。</translation>
    </message>
    <message>
        <source>“{title}” was restored.</source>
        <translation>已恢复“{title}”。</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation>编辑用户</translation>
    </message>
    <message>
        <source>letters, digits, dots, hyphens, underscores</source>
        <translation>字母、数字、点、连字符、下划线</translation>
    </message>
    <message>
        <source>Administrator (manages users and channels)</source>
        <translation>系统管理员（管理用户和频道）</translation>
    </message>
    <message>
        <source>Auditor (reads the audit log, changes nothing)</source>
        <translation>审计员（查阅审计日志，不做任何修改）</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Give the user a login.</source>
        <translation>请填写登录名。</translation>
    </message>
    <message>
        <source>Give the user a name.</source>
        <translation>请填写姓名。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>登录状态</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Waiting until {time}</source>
        <translation>暂停至 {time}</translation>
    </message>
    <message>
        <source>{channel}: {roles}</source>
        <translation>{channel}：{roles}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <source>No users yet.</source>
        <translation>还没有用户。</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>New user…</source>
        <translation>新建用户…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Let a login locked after repeated failed sign-ins sign in again.</source>
        <translation>让因多次登录失败而被锁定的账号重新登录。</translation>
    </message>
    <message>
        <source>Roles by channel</source>
        <translation>各频道角色</translation>
    </message>
    <message>
        <source>Apply role changes</source>
        <translation>应用角色修改</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>撤销修改</translation>
    </message>
    <message>
        <source>Tick the roles the user holds in each channel. Review levels a channel does not have cannot be granted.</source>
        <translation>勾选该用户在各频道担任的角色。频道没有的审核级别不能授予。</translation>
    </message>
    <message>
        <source>{login} is unlocked and can sign in again.</source>
        <translation>{login} 已解锁，可以重新登录。</translation>
    </message>
    <message>
        <source>User {login} created.</source>
        <translation>已创建用户 {login}。</translation>
    </message>
    <message>
        <source>User {login} saved.</source>
        <translation>已保存用户 {login}。</translation>
    </message>
    <message>
        <source>{login} can no longer sign in.</source>
        <translation>{login} 已不能登录。</translation>
    </message>
    <message>
        <source>{login} can sign in again.</source>
        <translation>{login} 已可重新登录。</translation>
    </message>
    <message>
        <source>New password set for {login}.</source>
        <translation>已为 {login} 设置新密码。</translation>
    </message>
    <message>
        <source>New password set for {login}; their other sign-ins ended.</source>
        <translation>已为 {login} 设置新密码；其其他登录已全部失效。</translation>
    </message>
    <message>
        <source>Roles of {login} saved.</source>
        <translation>已保存 {login} 的角色。</translation>
    </message>
    <message>
        <source>Roles: choose a user above</source>
        <translation>角色：请先在上方选择用户</translation>
    </message>
    <message>
        <source>Roles of {name} ({login})</source>
        <translation>{name}（{login}）的角色</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to Newsdesk</source>
        <translation>欢迎使用采编台</translation>
    </message>
    <message>
        <source>Newsdesk 采编台</source>
        <translation>采编台 Newsdesk</translation>
    </message>
    <message>
        <source>Open a workspace to start: the demo newsroom to look around, a workspace folder you already have, a new one for your newsroom, or one that syncs with your newsroom&apos;s server.</source>
        <translation>请先打开一个工作区：可以打开演示编辑部四处看看，打开已有的工作区文件夹，为您的编辑部新建一个，或者新建一个与编辑部服务器同步的工作区。</translation>
    </message>
    <message>
        <source>Connect to {branch}…</source>
        <translation>连接到 {branch}…</translation>
    </message>
    <message>
        <source>Open the demo newsroom</source>
        <translation>打开演示编辑部</translation>
    </message>
    <message>
        <source>Open a workspace…</source>
        <translation>打开工作区…</translation>
    </message>
    <message>
        <source>Create a new workspace…</source>
        <translation>新建工作区…</translation>
    </message>
    <message>
        <source>Connect to a newsroom server…</source>
        <translation>连接编辑部服务器…</translation>
    </message>
    <message>
        <source>Creating the demo newsroom…</source>
        <translation>正在创建演示编辑部…</translation>
    </message>
    <message>
        <source>Open a workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <source>Creating the workspace…</source>
        <translation>正在创建工作区…</translation>
    </message>
</context>
<context>
    <name>WordLists</name>
    <message>
        <source>The word list {file} cannot be read ({reason}).</source>
        <translation>无法读取词表 {file}（{reason}）。</translation>
    </message>
    <message>
        <source>The word list {file} is skipped: it is neither UTF-8, UTF-16 with a byte-order mark nor GB18030. Save it as UTF-8.</source>
        <translation>已跳过词表 {file}：它既不是 UTF-8，也不是带字节序标记的 UTF-16 或 GB18030。请另存为 UTF-8。</translation>
    </message>
    <message>
        <source>{file}, line {line}: skipped, it is not one word ({length} characters). Lists hold one word a line.</source>
        <translation>{file} 第 {line} 行已跳过：它不是一个词（{length} 个字符）。词表每行一个词。</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Newsdesk cannot write to the folder {path} ({reason}). Choose another folder or ask for write permission.</source>
        <translation>采编台无法写入文件夹 {path}（{reason}）。请选择其他文件夹，或申请写入权限。</translation>
    </message>
    <message>
        <source>{path} is damaged or is not a Newsdesk workspace: it is not a database file. Restore it from a backup or open another workspace.</source>
        <translation>{path} 已损坏或不是采编台工作区：它不是数据库文件。请从备份恢复，或打开其他工作区。</translation>
    </message>
    <message>
        <source>{path} is a database, but not a Newsdesk workspace.</source>
        <translation>{path} 是数据库，但不是采编台工作区。</translation>
    </message>
    <message>
        <source>{path} is damaged ({reason}). Restore it from a backup or open another workspace.</source>
        <translation>{path} 已损坏（{reason}）。请从备份恢复，或打开其他工作区。</translation>
    </message>
    <message>
        <source>The disk is full: {path} could not be written. Free some space and try again; nothing was left half-made.</source>
        <translation>磁盘已满：无法写入 {path}。请释放空间后重试；没有留下写了一半的内容。</translation>
    </message>
    <message>
        <source>There is no Newsdesk workspace in {path}.</source>
        <translation>{path} 中没有采编台工作区。</translation>
    </message>
    <message>
        <source>Newsdesk cannot create the folder {path} ({reason}).</source>
        <translation>采编台无法创建文件夹 {path}（{reason}）。</translation>
    </message>
    <message>
        <source>{path} is not a database file (it is a folder or a device). Open another workspace.</source>
        <translation>{path} 不是数据库文件（它是文件夹或设备）。请打开其他工作区。</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of Newsdesk (schema {version}). Install that version to open it; nothing was changed.</source>
        <translation>{path} 由更新版本的采编台写入（数据结构 {version}）。请安装该版本后再打开；未做任何改动。</translation>
    </message>
</context>
<context>
    <name>_FolderField</name>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
</context>
<context>
    <name>_TextWithLimit</name>
    <message>
        <source>{count}/{limit} characters</source>
        <translation>{count}/{limit} 字</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Administrator (users, channels and roles)</source>
        <translation>系统管理员（用户、频道和角色）</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>{role}: {channels}</source>
        <translation>{role}：{channels}</translation>
    </message>
    <message>
        <source>Opening the demo newsroom in {path}.</source>
        <translation>正在打开 {path} 中的演示编辑部。</translation>
    </message>
    <message>
        <source>{path} already holds a workspace; choose another folder for the demo.</source>
        <translation>{path} 中已有工作区，请为演示选择其他文件夹。</translation>
    </message>
    <message>
        <source>Creating the demo newsroom in {path} …</source>
        <translation>正在 {path} 中创建演示编辑部……</translation>
    </message>
    <message>
        <source>Created {channels} channels, {users} users, {proposals} proposals and {articles} articles ({published} published), {attachments} images, in {seconds:.1f} s.</source>
        <translation>已创建 {channels} 个频道、{users} 个用户、{proposals} 条报题和 {articles} 篇稿件（已发布 {published} 篇）、{attachments} 张图片，用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
        <source>Sign in as any of these users; every demo password is “{password}”:</source>
        <translation>可用以下任一用户登录，演示密码均为“{password}”：</translation>
    </message>
    <message>
        <source>Newsdesk</source>
        <translation>采编台</translation>
    </message>
    <message>
        <source>There is no article “{id}” in this workspace.</source>
        <translation>本工作区中没有稿件“{id}”。</translation>
    </message>
    <message>
        <source>There is no user “{login}”.</source>
        <translation>没有用户“{login}”。</translation>
    </message>
    <message>
        <source>Not published: {reason}</source>
        <translation>未发布：{reason}</translation>
    </message>
    <message>
        <source>Published; wrote {count} files to {path}.</source>
        <translation>已发布，向 {path} 写入 {count} 个文件。</translation>
    </message>
    <message>
        <source>Not delivered: {path} ({reason})</source>
        <translation>未送达：{path}（{reason}）</translation>
    </message>
    <message>
        <source>Unknown target in “{targets}”; use pc, wap, app.</source>
        <translation>“{targets}”中有未知的发布终端，请使用 pc、wap、app。</translation>
    </message>
    <message>
        <source>Give the site&apos;s address with --base-url (https://…): the app&apos;s documents name each article by it.</source>
        <translation>请用 --base-url 给出网站地址（https://…）：APP 文档以它命名每篇稿件。</translation>
    </message>
    <message>
        <source>The site&apos;s address “{url}” must start with http:// or https://.</source>
        <translation>网站地址“{url}”必须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <source>Exported {articles} articles: {files} files in {path}, in {seconds:.1f} s.</source>
        <translation>已导出 {articles} 篇稿件：{files} 个文件，位于 {path}，用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
        <source>Not exported: article {id} ({reason})</source>
        <translation>未导出：稿件 {id}（{reason}）</translation>
    </message>
    <message>
        <source>There is no channel “{name}”.</source>
        <translation>没有名为“{name}”的频道。</translation>
    </message>
    <message>
        <source>New-media department</source>
        <translation>新媒体部</translation>
    </message>
    <message>
        <source>Wrote the report of {first} to {last} to {path} in {seconds:.1f} s.</source>
        <translation>已将 {first} 至 {last} 的报表写入 {path}，用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
        <source>No display found: the desktop window needs a graphical session. Use “newsdesk demo --no-gui” to only create the demo, or --smoke to check the window without a display.</source>
        <translation>未找到显示器：桌面窗口需要图形会话。可用“newsdesk demo --no-gui”只创建演示工作区，或用 --smoke 在无显示器时检查窗口。</translation>
    </message>
    <message>
        <source>Created the database and the administrator “{login}”.</source>
        <translation>已创建数据库和管理员“{login}”。</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together: give both or neither.</source>
        <translation>--tls-cert 和 --tls-key 须同时给出或都不给。</translation>
    </message>
    <message>
        <source>--max-request-mb must be at least 1.</source>
        <translation>--max-request-mb 至少为 1。</translation>
    </message>
    <message>
        <source>--poll-seconds must be more than 0.</source>
        <translation>--poll-seconds 必须大于 0。</translation>
    </message>
    <message>
        <source>--min-desktop must be a version such as 1.2.0.</source>
        <translation>--min-desktop 必须是版本号，例如 1.2.0。</translation>
    </message>
    <message>
        <source>Added the user “{login}”.</source>
        <translation>已添加用户“{login}”。</translation>
    </message>
    <message>
        <source>Disabled the user “{login}”; their sign-ins ended.</source>
        <translation>已停用用户“{login}”；其登录已全部失效。</translation>
    </message>
    <message>
        <source>Enabled the user “{login}”.</source>
        <translation>已启用用户“{login}”。</translation>
    </message>
    <message>
        <source>“{login}” may sign in again.</source>
        <translation>“{login}”可以重新登录了。</translation>
    </message>
    <message>
        <source>Set a new password for “{login}”; their other sign-ins ended.</source>
        <translation>已为“{login}”设置新密码；其其他登录已全部失效。</translation>
    </message>
    <message>
        <source>Wrote {count} audit entries to {path}.</source>
        <translation>已将 {count} 条审计记录写入 {path}。</translation>
    </message>
    <message>
        <source>Archived {count} audit entries to {path}; the log records the file and still verifies.</source>
        <translation>已将 {count} 条审计记录归档到 {path}；日志记录了该文件，仍可通过校验。</translation>
    </message>
    <message>
        <source>The audit log verifies: {count} entries intact, none missing, and the users, channels, roles and accepted changes are the ones it recorded.</source>
        <translation>审计日志校验通过：{count} 条记录完整，无缺失；用户、频道、角色和已接受的操作均与日志记录一致。</translation>
    </message>
    <message>
        <source>Wrote the report of {first} to {last} to {path}.</source>
        <translation>已将 {first} 至 {last} 的报表写入 {path}。</translation>
    </message>
    <message>
        <source>Added the source “{name}” ({id}).</source>
        <translation>已添加来源“{name}”（{id}）。</translation>
    </message>
    <message>
        <source>Paused the source “{name}”.</source>
        <translation>已暂停来源“{name}”。</translation>
    </message>
    <message>
        <source>The source “{name}” is polled again.</source>
        <translation>来源“{name}”已恢复抓取。</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>not polled yet</source>
        <translation>尚未抓取</translation>
    </message>
    <message>
        <source>failed {count} time(s) in a row: {error}; next poll {when}</source>
        <translation>连续失败 {count} 次：{error}；下次抓取 {when}</translation>
    </message>
    <message>
        <source>polled {when}</source>
        <translation>{when} 已抓取</translation>
    </message>
    <message>
        <source>The audit log is broken at entry {seq}: it was changed after it was written (or signed with another audit key).</source>
        <translation>审计日志在第 {seq} 条处断裂：该记录写入后被改动过（或用了另一个审计密钥签名）。</translation>
    </message>
    <message>
        <source>The audit log is broken at entry {seq}: entries before it were removed.</source>
        <translation>审计日志在第 {seq} 条处断裂：它之前的记录被删除了。</translation>
    </message>
    <message>
        <source>The audit log was cut short: it ends before entry {seq}, which the service recorded as written.</source>
        <translation>审计日志被截短了：它在第 {seq} 条之前就结束了，而服务记录该条已写入。</translation>
    </message>
    <message>
        <source>The database was changed outside the service: the {table} row {key} is not what the audit log recorded.</source>
        <translation>数据库在服务之外被改动过：{table} 表中的 {key} 与审计日志记录的不一致。</translation>
    </message>
    <message>
        <source>Backed up {rows} rows to {path}.</source>
        <translation>已将 {rows} 行备份到 {path}。</translation>
    </message>
    <message>
        <source>--installer-url and --release-notes describe --latest-desktop: give it too.</source>
        <translation>--installer-url 和 --release-notes 描述的是 --latest-desktop 指定的版本：请同时给出 --latest-desktop。</translation>
    </message>
    <message>
        <source>--latest-desktop must be a version such as 1.2.0.</source>
        <translation>--latest-desktop 必须是版本号，例如 1.2.0。</translation>
    </message>
    <message>
        <source>--latest-desktop needs --installer-url: where users download the installer.</source>
        <translation>--latest-desktop 需要 --installer-url：用户下载安装程序的地址。</translation>
    </message>
    <message>
        <source>--installer-url must be an http:// or https:// address, not “{url}”.</source>
        <translation>--installer-url 必须是 http:// 或 https:// 地址，而不是“{url}”。</translation>
    </message>
    <message>
        <source>Cannot read the release notes {path}: {reason}</source>
        <translation>无法读取更新说明 {path}：{reason}</translation>
    </message>
    <message>
        <source>Restored {rows} rows. The server has a new epoch: each desktop will offer to send again what the backup lacks.</source>
        <translation>已恢复 {rows} 行。服务器有了新的纪元标识：各桌面端会提示重新发送备份中缺少的内容。</translation>
    </message>
    <message>
        <source>No user “{login}” in {path}.</source>
        <translation>{path} 中没有用户“{login}”。</translation>
    </message>
    <message>
        <source>{login} may not edit any article in this workspace.</source>
        <translation>{login} 在此工作区中没有可编辑的稿件。</translation>
    </message>
    <message>
        <source>First paint after {seconds:.2f} s</source>
        <translation>首次绘制用时 {seconds:.2f} 秒</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Newsdesk</source>
        <translation>采编台</translation>
    </message>
</context>
</TS>
