<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Settle a conflict</source>
        <translation>处理修改冲突</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Office phone</source>
        <translation>办公电话</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>证明材料</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Department contact</source>
        <translation>部门联络人</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>角色(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Post:</source>
        <translation>职务(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Office phone:</source>
        <translation>办公电话(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Mobile:</source>
        <translation>手机(&amp;M)：</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in – Sunshine+</source>
        <translation>登录 – 阳光扶贫+</translation>
    </message>
    <message>
        <source>Sunshine+ Poverty-Relief Supervision</source>
        <translation>阳光扶贫+ 监管系统</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Remember me on this computer (keeps the session, never the password)</source>
        <translation>在本机记住我(&amp;R)（只保存登录会话，从不保存密码）</translation>
    </message>
    <message>
        <source>Connection settings</source>
        <translation>连接设置</translation>
    </message>
    <message>
        <source>&amp;Server address:</source>
        <translation>服务器地址(&amp;S)：</translation>
    </message>
    <message>
        <source>Certificate &amp;authority:</source>
        <translation>证书颁发机构(&amp;A)：</translation>
    </message>
    <message>
        <source>CA file (PEM) given by your administrator; empty: system only</source>
        <translation>管理员提供的 CA 证书文件（PEM）；留空则只信任系统证书</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>当前密码(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Repeat new password:</source>
        <translation>再次输入新密码(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
    <message>
        <source>A new language applies the next time the program starts.</source>
        <translation>更改的语言在下次启动程序时生效。</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>User account</source>
        <translation>用户账户</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>&amp;Clerk</source>
        <translation>录入员(&amp;C)</translation>
    </message>
    <message>
        <source>Re&amp;viewer</source>
        <translation>审核员(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Leader</source>
        <translation>领导(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Supervisor</source>
        <translation>监督人员(&amp;S)</translation>
    </message>
    <message>
        <source>Ad&amp;ministrator</source>
        <translation>管理员(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Area:</source>
        <translation>行政区划(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>部门(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <source>Initial &amp;password:</source>
        <translation>初始密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>再次输入密码(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>sunshine::app::AccountTab</name>
    <message>
        <source>My account</source>
        <translation>我的账户</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Area:</source>
        <translation>行政区划：</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>部门：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Signed in until:</source>
        <translation>登录有效期至：</translation>
    </message>
    <message>
        <source>&amp;Change password…</source>
        <translation>修改密码(&amp;C)…</translation>
    </message>
    <message>
        <source>My area (the records I may see are in it)</source>
        <translation>我的管辖范围（我能查看的数据都在其中）</translation>
    </message>
    <message>
        <source>%1 towns and %2 villages</source>
        <translation>%1 个镇（街道），%2 个村（社区）</translation>
    </message>
</context>
<context>
    <name>sunshine::app::AdminTab</name>
    <message>
        <source>&amp;New account…</source>
        <translation>新建账户(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>重置密码(&amp;R)…</translation>
    </message>
    <message>
        <source>Search user name, name or phone (Ctrl+F)</source>
        <translation>搜索用户名、姓名或电话（Ctrl+F）</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>全部账户</translation>
    </message>
    <message>
        <source>Active only</source>
        <translation>仅启用的账户</translation>
    </message>
    <message>
        <source>Deactivated only</source>
        <translation>仅停用的账户</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>共 %n 个账户</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation>启用(&amp;A)</translation>
    </message>
    <message>
        <source>Account %1 created. Give the user the initial password; they must change it at the first sign-in.</source>
        <translation>已创建账户 %1。请将初始密码告知本人；首次登录时须修改密码。</translation>
    </message>
    <message>
        <source>Activate the account %1 (%2) again?</source>
        <translation>重新启用账户 %1（%2）？</translation>
    </message>
    <message>
        <source>Deactivate the account %1 (%2)? The user is signed out everywhere and can no longer sign in.</source>
        <translation>停用账户 %1（%2）？该用户将在所有设备上退出登录，且不能再登录。</translation>
    </message>
    <message>
        <source>Activate account</source>
        <translation>启用账户</translation>
    </message>
    <message>
        <source>Deactivate account</source>
        <translation>停用账户</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>未能更改</translation>
    </message>
    <message>
        <source>New password set for %1.</source>
        <translation>已为 %1 设置新密码。</translation>
    </message>
</context>
<context>
    <name>sunshine::app::ApiClient</name>
    <message>
        <source>The certificate authority file %1 cannot be read: %2</source>
        <translation>无法读取证书颁发机构文件 %1：%2</translation>
    </message>
    <message>
        <source>The file %1 holds no certificate in PEM format.</source>
        <translation>文件 %1 中没有 PEM 格式的证书。</translation>
    </message>
    <message>
        <source>A secure connection to the server could not be established. The server may not be a Sunshine+ server, or it does not speak TLS 1.2 or newer.</source>
        <translation>无法与服务器建立安全连接。该地址可能不是阳光扶贫+ 服务器，或服务器不支持 TLS 1.2 及以上版本。</translation>
    </message>
    <message>
        <source>The server at %1 refused the connection: it is not running, or the address or port is wrong.</source>
        <translation>服务器 %1 拒绝连接：服务器未运行，或地址、端口有误。</translation>
    </message>
    <message>
        <source>The server name %1 is unknown. Check the server address.</source>
        <translation>找不到服务器名称 %1，请检查服务器地址。</translation>
    </message>
    <message>
        <source>The server did not answer in time. Check the network connection.</source>
        <translation>服务器未在规定时间内响应，请检查网络连接。</translation>
    </message>
    <message>
        <source>The server cannot be reached (%1).</source>
        <translation>无法连接服务器（%1）。</translation>
    </message>
    <message>
        <source>The server answered with error %1.</source>
        <translation>服务器返回错误 %1。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate was not issued by a certificate authority this computer trusts. Ask your system administrator for your unit&apos;s certificate authority file (CA) and choose it under &quot;Connection settings&quot;.</source>
        <translation>服务器证书不是由本机信任的证书颁发机构签发的。请向系统管理员索取本单位的证书颁发机构（CA）文件，并在“连接设置”中选择它。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is for a different name than the address you entered. Check the server address.</source>
        <translation>服务器证书所属的名称与您输入的地址不一致，请检查服务器地址。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is outside its validity period. Check this computer&apos;s date and time; if they are right, ask the administrator to renew the certificate.</source>
        <translation>服务器证书不在有效期内。请检查本机的日期和时间；如无误，请联系管理员更新证书。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate has been revoked.</source>
        <translation>服务器证书已被吊销。</translation>
    </message>
    <message>
        <source>For your data&apos;s safety the connection was not made.</source>
        <translation>为保护数据安全，程序没有建立此连接。</translation>
    </message>
    <message>
        <source>The server&apos;s answer was cut off (%1). Nothing was taken from it; the program tries again.</source>
        <translation>服务器的应答不完整（%1）。程序没有采用其中的任何内容，会再次尝试。</translation>
    </message>
</context>
<context>
    <name>sunshine::app::AppController</name>
    <message>
        <source>Session not remembered</source>
        <translation>未能记住登录</translation>
    </message>
    <message>
        <source>The system keychain could not store the session (%1). You will be asked to sign in next time.</source>
        <translation>系统密钥库无法保存登录会话（%1）。下次启动时需要重新登录。</translation>
    </message>
    <message>
        <source>Your session has ended (it expired or was revoked). Enter your password to continue where you were.</source>
        <translation>您的登录已失效（已过期或被注销）。请输入密码，继续刚才的工作。</translation>
    </message>
    <message>
        <source>Local data unavailable</source>
        <translation>本机数据不可用</translation>
    </message>
    <message>
        <source>The local data file %1 cannot be opened: %2</source>
        <translation>无法打开本机数据文件 %1：%2</translation>
    </message>
</context>
<context>
    <name>sunshine::app::ConflictDialog</name>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>While you were working, this record was changed on the server (version %1). For each field below, choose which value to keep. Fields nobody else changed keep your values without asking.</source>
        <translation>在您修改期间，服务器上的这条记录已被他人修改（版本 %1）。请逐项选择要保留的内容。没有被他人修改的字段会自动保留您的修改。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Mine (this computer)</source>
        <translation>我的（本机）</translation>
    </message>
    <message>
        <source>Theirs (server)</source>
        <translation>他人的（服务器）</translation>
    </message>
    <message>
        <source>Not settled</source>
        <translation>未能处理</translation>
    </message>
    <message>
        <source>While you were working, this record was deleted on the server. Keep your values to restore it, or accept the deletion.</source>
        <translation>在您修改期间，服务器上的这条记录已被删除。保留您的内容可恢复这条记录，也可以接受删除。</translation>
    </message>
    <message>
        <source>Accept the &amp;deletion</source>
        <translation>接受删除(&amp;D)</translation>
    </message>
    <message>
        <source>Take the &amp;server&apos;s version entirely</source>
        <translation>完全采用服务器上的版本(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Keep my choices</source>
        <translation>按我的选择保存(&amp;K)</translation>
    </message>
</context>
<context>
    <name>sunshine::app::ContactDialog</name>
    <message>
        <source>%1 of %2</source>
        <translation>%2 %1</translation>
    </message>
    <message>
        <source>The server returned this change: %1</source>
        <translation>服务器退回了此修改：%1</translation>
    </message>
    <message>
        <source>The change could not be saved on this computer: %1</source>
        <translation>无法在本机保存此修改：%1</translation>
    </message>
</context>
<context>
    <name>sunshine::app::ContactsModel</name>
    <message>
        <source>Leader in charge</source>
        <translation>分管领导</translation>
    </message>
    <message>
        <source>Liaison</source>
        <translation>联络员</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>已同步</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>待同步</translation>
    </message>
    <message>
        <source>Returned: %1</source>
        <translation>被退回：%1</translation>
    </message>
    <message>
        <source>Conflict: changed by someone else – settle it</source>
        <translation>冲突：已被他人修改，请处理</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Office phone</source>
        <translation>办公电话</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>sunshine::app::ContactsTab</name>
    <message>
        <source>My department&apos;s &amp;leader in charge…</source>
        <translation>本部门分管领导(&amp;L)…</translation>
    </message>
    <message>
        <source>My department&apos;s l&amp;iaison…</source>
        <translation>本部门联络员(&amp;I)…</translation>
    </message>
    <message>
        <source>Search name, post or phone</source>
        <translation>搜索姓名、职务或电话</translation>
    </message>
    <message>
        <source>Each unit names one leader in charge and one liaison (Art. 22). Double-click a record that was returned or is in conflict to settle it.</source>
        <translation>各单位明确 1 名分管领导和 1 名联络员（第二十二条）。被退回或有冲突的记录，双击即可处理。</translation>
    </message>
</context>
<context>
    <name>sunshine::app::LoginDialog</name>
    <message>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <source>Choose the certificate authority file</source>
        <translation>选择证书颁发机构文件</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>The server address is not valid. Example: https://127.0.0.1:8443</source>
        <translation>服务器地址无效。示例：https://127.0.0.1:8443</translation>
    </message>
    <message>
        <source>The server address must start with https:// – the program only talks to the server over an encrypted connection.</source>
        <translation>服务器地址必须以 https:// 开头——程序只通过加密连接与服务器通信。</translation>
    </message>
</context>
<context>
    <name>sunshine::app::MainWindow</name>
    <message>
        <source>Sunshine+ Poverty-Relief Supervision – %1</source>
        <translation>阳光扶贫+ 监管系统 – %1</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <source>My account</source>
        <translation>我的账户</translation>
    </message>
    <message>
        <source>%1 (%2) · %3</source>
        <translation>%1（%2）· %3</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Change password…</source>
        <translation>修改密码(&amp;C)…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出程序(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>选项(&amp;P)…</translation>
    </message>
    <message>
        <source>Check &amp;connection</source>
        <translation>检查连接(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Sunshine+</source>
        <translation>关于阳光扶贫+(&amp;A)</translation>
    </message>
    <message>
        <source>About Sunshine+</source>
        <translation>关于阳光扶贫+</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sunshine+ Poverty-Relief Supervision&lt;/b&gt; %1&lt;br&gt;Supervises the money and the work of rural poverty relief, following the Nantong regulation of 2019-12-10.</source>
        <translation>&lt;b&gt;阳光扶贫+ 监管系统&lt;/b&gt; %1&lt;br&gt;依据南通市 2019 年 12 月 10 日印发的管理办法，监管农村扶贫的资金和工作。</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>The server is reachable.</source>
        <translation>服务器连接正常。</translation>
    </message>
    <message>
        <source>The server cannot be reached. The program keeps trying.</source>
        <translation>无法连接服务器，程序会继续尝试。</translation>
    </message>
    <message>
        <source>Your password has been changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <source>Department contacts</source>
        <translation>部门联络人</translation>
    </message>
</context>
<context>
    <name>sunshine::app::OrgTreeModel</name>
    <message>
        <source>%1 (code %2)</source>
        <translation>%1（区划代码 %2）</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>行政区划</translation>
    </message>
</context>
<context>
    <name>sunshine::app::PasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <source>Your password was set by an administrator. Choose your own password now.</source>
        <translation>您的密码由管理员设置，请现在设置您自己的密码。</translation>
    </message>
    <message>
        <source>Choose a new password: at least 8 characters with three of upper-case letters, lower-case letters, digits and symbols.</source>
        <translation>请设置新密码：至少 8 个字符，包含大写字母、小写字母、数字、符号中的至少三类。</translation>
    </message>
    <message>
        <source>Reset password of %1</source>
        <translation>重置 %1 的密码</translation>
    </message>
    <message>
        <source>Set a new password for %1 (%2). All of this account&apos;s sessions end, and the user must choose their own password at the next sign-in.</source>
        <translation>为 %1（%2）设置新密码。该账户的所有登录会话将结束，用户下次登录时须设置自己的密码。</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>请输入当前密码。</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>sunshine::app::SyncEngine</name>
    <message>
        <source>Synchronisation cancelled.</source>
        <translation>同步已取消。</translation>
    </message>
    <message>
        <source>The local data could not be updated: %1</source>
        <translation>无法更新本机数据：%1</translation>
    </message>
    <message>
        <source>The server could not process this change (%1). It was set aside; correct it or ask the administrator.</source>
        <translation>服务器无法处理此修改（%1），已将其暂时搁置；请修改后重新提交，或联系系统管理员。</translation>
    </message>
    <message>
        <source>The server&apos;s answer had no valid sync position; nothing was taken from it.</source>
        <translation>服务器的应答中没有有效的同步位置，程序没有采用其中的任何内容。</translation>
    </message>
</context>
<context>
    <name>sunshine::app::SyncStatusWidget</name>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Send the changes made on this computer and fetch the others&apos; (F5)</source>
        <translation>发送本机的修改并获取他人的修改（F5）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>sending: %1 sent, %2 waiting</source>
        <translation>正在发送：已发送 %1 条，待发送 %2 条</translation>
    </message>
    <message>
        <source>receiving: %1 records</source>
        <translation>正在接收：%1 条记录</translation>
    </message>
    <message>
        <source>Synchronising…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Synchronising – %1</source>
        <translation>正在同步 – %1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n 条修改待同步</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n returned for correction</source>
        <translation>
            <numerusform>%n 条被退回待修改</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to settle</source>
        <translation>
            <numerusform>%n 条冲突待处理</numerusform>
        </translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation>上次同步 %1</translation>
    </message>
    <message>
        <source>never synchronised</source>
        <translation>尚未同步</translation>
    </message>
</context>
<context>
    <name>sunshine::app::UserDialog</name>
    <message>
        <source>New user account</source>
        <translation>新建用户账户</translation>
    </message>
    <message>
        <source>– choose an area –</source>
        <translation>– 请选择行政区划 –</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Edit user account %1</source>
        <translation>编辑用户账户 %1</translation>
    </message>
    <message>
        <source>Choose the area the account belongs to.</source>
        <translation>请选择账户所属的行政区划。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>sunshine::app::UsersModel</name>
    <message>
        <source>Clerk</source>
        <translation>录入员</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核员</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>领导</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>监督人员</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message>
        <source>Active (must change password)</source>
        <translation>启用（须修改密码）</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从未登录</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>最近登录</translation>
    </message>
</context>
</TS>
