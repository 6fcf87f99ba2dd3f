<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <source>Demo newsroom ready</source>
        <translation>演示编辑部已就绪</translation>
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
        <translation>App 端</translation>
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
        <source>Only the article's editors or a chief of its channel can do this.</source>
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
        <source>A repost needs the original's address before it can be submitted.</source>
        <translation>转载稿件须填写原文地址后才能送审。</translation>
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
        <source>Only a published article can be corrected.</source>
        <translation>只有已发布的稿件才能更正。</translation>
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
        <source>Only the signed-off revision can be published.</source>
        <translation>只能发布已签发的版本。</translation>
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
        <source>An item of “{field}” is not shaped as expected.</source>
        <translation>“{field}”中有一项格式不正确。</translation>
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
        <source>That proposal does not exist.</source>
        <translation>该报题不存在。</translation>
    </message>
    <message>
        <source>A proposal with this id already exists.</source>
        <translation>已存在使用此标识的报题。</translation>
    </message>
    <message>
        <source>Choose at least one editor to assign the topic to.</source>
        <translation>请至少选择一位编辑来承担该选题。</translation>
    </message>
    <message>
        <source>{name} is not an editor of “{channel}”.</source>
        <translation>{name}不是“{channel}”频道的编辑。</translation>
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
        <source>There is no Newsdesk workspace in {path}.</source>
        <translation>{path} 中没有采编台工作区。</translation>
    </message>
    <message>
        <source>Newsdesk cannot create the folder {path} ({reason}).</source>
        <translation>采编台无法创建文件夹 {path}（{reason}）。</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of Newsdesk (schema {version}). Install that version to open it; nothing was changed.</source>
        <translation>{path} 由更新版本的采编台写入（数据结构 {version}）。请安装该版本后再打开；未做任何改动。</translation>
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
        <source>The desktop window is not part of this version yet; the workspace is ready in {path}.</source>
        <translation>此版本尚未包含桌面窗口；工作区已在 {path} 中准备就绪。</translation>
    </message>
    <message>
        <source>The desktop window is not part of this version yet; the workspace in {path} is ready.</source>
        <translation>此版本尚未包含桌面窗口；{path} 中的工作区已准备就绪。</translation>
    </message>
</context>
</TS>