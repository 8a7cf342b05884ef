<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BidDialog</name>
    <message>
        <source>Bid</source>
        <translation>竞价</translation>
    </message>
    <message>
        <source>&amp;Bidder:</source>
        <translation>竞买人(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Bid per year (yuan):</source>
        <translation>每年报价（元）(&amp;B)：</translation>
    </message>
    <message>
        <source>The bid is sent to the server at once: the server records it in the order bids arrive and may refuse it when another bid came first. It is never kept on this computer to send later.</source>
        <translation>报价立即发送到服务器：服务器按到达先后记录，若他人报价在先可能被拒绝。报价不会留在本机待以后发送。</translation>
    </message>
</context>
<context>
    <name>CardRecordViews</name>
    <message>
        <source>Record a step</source>
        <translation>登记办理步骤</translation>
    </message>
    <message>
        <source>Choose a row in the list first.</source>
        <translation>请先在列表中选择一行。</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Village cards</source>
        <translation>村务卡</translation>
    </message>
    <message>
        <source>Spend requests</source>
        <translation>用卡报备</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>审批(&amp;A)…</translation>
    </message>
    <message>
        <source>Card claims</source>
        <translation>村务卡报账</translation>
    </message>
    <message>
        <source>&amp;Transactions…</source>
        <translation>包含交易(&amp;T)…</translation>
    </message>
    <message>
        <source>Transactions of the claim</source>
        <translation>报账包含的交易</translation>
    </message>
    <message>
        <source>Choose a claim in the list first.</source>
        <translation>请先在列表中选择一笔报账。</translation>
    </message>
    <message>
        <source>&amp;Check…</source>
        <translation>审核(&amp;C)…</translation>
    </message>
    <message>
        <source>Card approval tiers</source>
        <translation>村务卡审批权限</translation>
    </message>
</context>
<context>
    <name>CardStepDialog</name>
    <message>
        <source>Record a step</source>
        <translation>登记办理步骤</translation>
    </message>
    <message>
        <source>&amp;Step:</source>
        <translation>步骤(&amp;S)：</translation>
    </message>
    <message>
        <source>Approved &amp;by:</source>
        <translation>审批机构(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Signed by:</source>
        <translation>签字人(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Voucher number:</source>
        <translation>凭证号(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>CasesView</name>
    <message>
        <source>Closed (not admitted)</source>
        <translation>已终止（未纳入）</translation>
    </message>
    <message>
        <source>Exit confirmed</source>
        <translation>已确认退出</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已审批纳入</translation>
    </message>
    <message>
        <source>%1 of %2: %3%4</source>
        <translation>第 %1/%2 步：%3%4</translation>
    </message>
    <message>
        <source> (returned)</source>
        <translation>（已退回）</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>期限 %1</translation>
    </message>
    <message>
        <source>Due %1 (working days)</source>
        <translation>期限 %1（按工作日计算）</translation>
    </message>
    <message>
        <source>%1, %2 unresolved</source>
        <translation>%1 条，%2 条待处理</translation>
    </message>
</context>
<context>
    <name>ClaimTransactionsDialog</name>
    <message>
        <source>Transactions of the claim</source>
        <translation>报账包含的交易</translation>
    </message>
</context>
<context>
    <name>CollectiveRecordViews</name>
    <message>
        <source>The server computes the balance when it receives the entry; it is shown after the next sync.</source>
        <translation>余额由服务器在收到分录时计算，下次同步后显示。</translation>
    </message>
    <message>
        <source>disposed</source>
        <translation>已处置</translation>
    </message>
    <message numerus="yes">
        <source>Original value less %n month(s) of straight-line depreciation to %1</source>
        <translation>
            <numerusform>原值减去 %n 个月的直线法折旧，计算至 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Only the chosen journal</source>
        <translation>只看所选日记账</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Journals</source>
        <translation>日记账</translation>
    </message>
    <message>
        <source>Journal entries</source>
        <translation>日记账分录</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Cash closes</source>
        <translation>现金日结月结</translation>
    </message>
    <message>
        <source>Asset register</source>
        <translation>资产台账</translation>
    </message>
    <message>
        <source>Net value today</source>
        <translation>今日净值</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Reference rents</source>
        <translation>租金指导价</translation>
    </message>
    <message>
        <source>County figures</source>
        <translation>县级监管参数</translation>
    </message>
</context>
<context>
    <name>ComparisonDialog</name>
    <message>
        <source>Comparison results</source>
        <translation>比对结果</translation>
    </message>
    <message>
        <source>Hits of the comparison against vehicles, housing, provident fund and social security (Art. 9). Each hit must be cleared with a reason or confirmed before the county approval. Viewing these data is logged with its reason (Art. 26).</source>
        <translation>与车辆、房产、公积金、社保等信息比对发现的疑点（第九条）。县级审批前，每条疑点都须写明理由予以排除或予以确认。查看这些数据会连同查询理由记入日志（第二十六条）。</translation>
    </message>
    <message>
        <source>&amp;Import results…</source>
        <translation>导入比对结果(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Show hits…</source>
        <translation>查看疑点(&amp;S)…</translation>
    </message>
    <message>
        <source>C&amp;lear with reason…</source>
        <translation>排除并说明理由(&amp;L)…</translation>
    </message>
    <message>
        <source>C&amp;onfirm</source>
        <translation>确认疑点(&amp;O)</translation>
    </message>
    <message>
        <source>The result of an import appears here: rows that match no case or cannot be read, with their line numbers.</source>
        <translation>导入结果显示在这里：未匹配到案件或无法读取的行及其行号。</translation>
    </message>
</context>
<context>
    <name>ComplaintStepDialog</name>
    <message>
        <source>Handle complaint</source>
        <translation>办理投诉</translation>
    </message>
    <message>
        <source>&amp;Step:</source>
        <translation>办理环节(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Handled by:</source>
        <translation>经办人(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Department on the slip:</source>
        <translation>交办部门(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Files of the result:</source>
        <translation>调查处理材料(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>说明(&amp;N)：</translation>
    </message>
</context>
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
    <name>DashboardData</name>
    <message>
        <source>%1 (itself)</source>
        <translation>%1（本级）</translation>
    </message>
    <message>
        <source>(no department)</source>
        <translation>（未指定部门）</translation>
    </message>
    <message>
        <source>Disbursements of %1, %2</source>
        <translation>%1资金发放（%2）</translation>
    </message>
    <message>
        <source>Registered households of %1</source>
        <translation>%1在册低收入户</translation>
    </message>
    <message>
        <source>Households of %1 that left the registry in %2</source>
        <translation>%1%2年退出的低收入户</translation>
    </message>
    <message>
        <source>Registered households of %1 without a helper</source>
        <translation>%1未落实帮扶责任人的在册户</translation>
    </message>
    <message>
        <source>Pairings of %1 without a visit in %2</source>
        <translation>%1%2未走访的结对帮扶</translation>
    </message>
    <message>
        <source>Help requests of %1 past their deadline</source>
        <translation>%1超过办理时限的求助事项</translation>
    </message>
    <message>
        <source>Disbursements of %1 whose vouchers are overdue</source>
        <translation>%1凭证逾期未录入的资金发放</translation>
    </message>
    <message>
        <source>Allocations of %1 not reported to the city in time</source>
        <translation>%1未按时向市报送的资金指标</translation>
    </message>
    <message>
        <source>Disbursements of %1 entered late</source>
        <translation>%1逾期录入的资金发放</translation>
    </message>
    <message>
        <source>Open warnings of %1</source>
        <translation>%1 未销号的预警</translation>
    </message>
    <message>
        <source>Escalated warnings of %1</source>
        <translation>%1 督办中的预警</translation>
    </message>
    <message>
        <source>Rectifications of %1 not struck off</source>
        <translation>%1 未销号的整改</translation>
    </message>
    <message>
        <source>Rectifications of %1 past their deadline</source>
        <translation>%1 逾期未完成的整改</translation>
    </message>
    <message>
        <source>Disbursements of %1 paid late</source>
        <translation>%1 逾期发放的资金</translation>
    </message>
</context>
<context>
    <name>DashboardExport</name>
    <message>
        <source>The picture could not be written to %1.</source>
        <translation>无法将图片写入 %1。</translation>
    </message>
    <message>
        <source>The PDF file %1 could not be written.</source>
        <translation>无法写入 PDF 文件 %1。</translation>
    </message>
</context>
<context>
    <name>DealPdf</name>
    <message>
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
    <message>
        <source>The listing is not on this computer.</source>
        <translation>本机没有这个挂牌项目。</translation>
    </message>
    <message>
        <source>The listing has no deal: its confirmation is printed once it is dealt.</source>
        <translation>该项目尚未成交：成交后才能打印成交确认书。</translation>
    </message>
    <message>
        <source>Rural property rights trading: deal confirmation</source>
        <translation>农村产权交易成交确认书</translation>
    </message>
    <message>
        <source>No. %1</source>
        <translation>编号：%1</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>标的</translation>
    </message>
    <message>
        <source>Kind of right</source>
        <translation>权利类别</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <source>%1 mu</source>
        <translation>%1 亩</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n 年</numerusform>
        </translation>
    </message>
    <message>
        <source>Transferor</source>
        <translation>出让方</translation>
    </message>
    <message>
        <source>The collective economic organisation of %1</source>
        <translation>%1股份经济合作社</translation>
    </message>
    <message>
        <source>Transferee</source>
        <translation>受让方</translation>
    </message>
    <message>
        <source>Transferee&apos;s ID number</source>
        <translation>受让方身份证号</translation>
    </message>
    <message>
        <source>Open negotiation after a second notice</source>
        <translation>二次公告后公开协商</translation>
    </message>
    <message numerus="yes">
        <source>Bidding (%n bid(s))</source>
        <translation>
            <numerusform>竞价（%n 次报价）</numerusform>
        </translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>成交方式</translation>
    </message>
    <message>
        <source>Reserve price per year</source>
        <translation>底价（每年）</translation>
    </message>
    <message>
        <source>Deal price per year</source>
        <translation>成交价（每年）</translation>
    </message>
    <message>
        <source>Price per mu and year</source>
        <translation>每亩每年价格</translation>
    </message>
    <message>
        <source>Deal price over the term</source>
        <translation>期限内成交总价</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>保证金</translation>
    </message>
    <message>
        <source>Deal on</source>
        <translation>成交日期</translation>
    </message>
    <message>
        <source>Trading centre</source>
        <translation>交易机构</translation>
    </message>
    <message>
        <source>Democratic decision</source>
        <translation>民主决策</translation>
    </message>
    <message numerus="yes">
        <source>The result is announced for %n working day(s); the parties sign the contract after the announcement, on the terms above.</source>
        <translation>
            <numerusform>成交结果公示 %n 个工作日；公示期满后，双方按上述条件签订合同。</numerusform>
        </translation>
    </message>
    <message>
        <source>Transferor (seal):</source>
        <translation>出让方（盖章）：</translation>
    </message>
    <message>
        <source>Transferee (signature):</source>
        <translation>受让方（签字）：</translation>
    </message>
    <message>
        <source>Trading centre (seal):</source>
        <translation>交易机构（盖章）：</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>日期：%1</translation>
    </message>
    <message>
        <source>Deal confirmation %1</source>
        <translation>成交确认书 %1</translation>
    </message>
    <message>
        <source>Deal confirmation PDF</source>
        <translation>成交确认书 PDF</translation>
    </message>
    <message>
        <source>Choose a deal in the list first.</source>
        <translation>请先在列表中选择一个成交项目。</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
</context>
<context>
    <name>DisclosureDialog</name>
    <message>
        <source>Comparison data of a case</source>
        <translation>比对详情</translation>
    </message>
</context>
<context>
    <name>FundLineDialog</name>
    <message>
        <source>Add fund line</source>
        <translation>增加资金项目</translation>
    </message>
    <message>
        <source>A line added to the fund catalog is in force for every unit at once. It can be removed only while no record uses it.</source>
        <translation>新增的资金项目立即对所有单位生效；只有在没有任何记录使用时才能删除。</translation>
    </message>
    <message>
        <source>Co&amp;de:</source>
        <translation>编码(&amp;D)：</translation>
    </message>
    <message>
        <source>e.g. agri-cooperative-support</source>
        <translation>例如 agri-cooperative-support</translation>
    </message>
    <message>
        <source>&amp;Article:</source>
        <translation>条款(&amp;A)：</translation>
    </message>
    <message>
        <source>e.g. 二十二(十)</source>
        <translation>例如 二十二(十)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Lead department:</source>
        <translation>牵头部门(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>资金类别(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Paid:</source>
        <translation>发放方式(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Recipient:</source>
        <translation>发放对象(&amp;R)：</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>HandlingDaysDialog</name>
    <message>
        <source>Handling deadlines</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <source>Working days from the day a warning is raised. New warnings get the new deadlines; those raised before keep theirs.</source>
        <translation>自预警生成之日起计算的工作日数。新生成的预警按新期限计算，已生成的预警期限不变。</translation>
    </message>
    <message>
        <source>&amp;Reply within:</source>
        <translation>签收期限(&amp;R)：</translation>
    </message>
    <message>
        <source>Re&amp;sult within:</source>
        <translation>办结期限(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>ListingStepDialog</name>
    <message>
        <source>Record a step of the listing</source>
        <translation>登记交易进程</translation>
    </message>
    <message>
        <source>&amp;Step:</source>
        <translation>步骤(&amp;S)：</translation>
    </message>
    <message>
        <source>Notice &amp;from:</source>
        <translation>公告开始(&amp;F)：</translation>
    </message>
    <message>
        <source>Notice &amp;to:</source>
        <translation>公告截止(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Qualified bidders:</source>
        <translation>合格竞买人数(&amp;Q)：</translation>
    </message>
    <message>
        <source>&amp;Bidder:</source>
        <translation>竞买人(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Price per year (yuan):</source>
        <translation>每年价格（元）(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Contract number:</source>
        <translation>合同编号(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R)：</translation>
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
    <name>QObject</name>
    <message>
        <source>All quarters</source>
        <translation>全部季度</translation>
    </message>
</context>
<context>
    <name>QuarterReport</name>
    <message>
        <source>%1, %2: quarterly report on poverty-relief funds and assistance</source>
        <translation>%1%2扶贫资金和帮扶工作情况报告</translation>
    </message>
    <message>
        <source>Data as of %1 · compiled by %2 on %3</source>
        <translation>数据截至 %1 · %2 于 %3 编制</translation>
    </message>
    <message>
        <source>(not synced)</source>
        <translation>（未同步）</translation>
    </message>
    <message>
        <source>1. Summary</source>
        <translation>一、总体情况</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Money disbursed in the quarter (10k yuan)</source>
        <translation>本季度资金发放金额（万元）</translation>
    </message>
    <message>
        <source>Payments in the quarter</source>
        <translation>本季度发放笔数</translation>
    </message>
    <message>
        <source>Money disbursed in %1 up to the quarter (10k yuan)</source>
        <translation>%1年截至本季度末累计发放金额（万元）</translation>
    </message>
    <message>
        <source>Registered households</source>
        <translation>在册户数</translation>
    </message>
    <message>
        <source>Households that left the registry in %1</source>
        <translation>%1年退出户数</translation>
    </message>
    <message>
        <source>Pairing coverage</source>
        <translation>结对覆盖率</translation>
    </message>
    <message>
        <source>%1 (%2 of %3 households)</source>
        <translation>%1（%3 户中 %2 户）</translation>
    </message>
    <message>
        <source>Visit coverage, %1</source>
        <translation>走访覆盖率（%1）</translation>
    </message>
    <message>
        <source>%1 (%2 of %3 pairings)</source>
        <translation>%1（%3 个结对中 %2 个）</translation>
    </message>
    <message>
        <source>Help requests past their deadline</source>
        <translation>超过办理时限的求助事项</translation>
    </message>
    <message>
        <source>Fund entries overdue</source>
        <translation>逾期未录入的资金记录</translation>
    </message>
    <message>
        <source>Disbursements entered late</source>
        <translation>逾期录入的资金发放</translation>
    </message>
    <message>
        <source>2. Per town</source>
        <translation>二、分镇（街道）情况</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇（街道）</translation>
    </message>
    <message>
        <source>Disbursed (10k yuan)</source>
        <translation>发放金额（万元）</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>发放笔数</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>在册户数</translation>
    </message>
    <message>
        <source>Exits</source>
        <translation>退出户数</translation>
    </message>
    <message>
        <source>Visit coverage</source>
        <translation>走访覆盖率</translation>
    </message>
    <message>
        <source>Help overdue</source>
        <translation>求助逾期</translation>
    </message>
    <message>
        <source>Entries overdue</source>
        <translation>逾期未录入</translation>
    </message>
    <message>
        <source>Entered late</source>
        <translation>逾期录入</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>3. Per fund kind</source>
        <translation>三、分资金类别情况</translation>
    </message>
    <message>
        <source>Fund kind</source>
        <translation>资金类别</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>4. Per month, %1 against %2</source>
        <translation>四、分月情况（%1年与%2年对比）</translation>
    </message>
    <message>
        <source>5. Fund entries overdue and entered late, per department</source>
        <translation>五、各部门资金记录逾期未录入和逾期录入情况</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>The county is not in your area.</source>
        <translation>该县（市、区）不在您的管辖范围内。</translation>
    </message>
    <message>
        <source>%1 %2 quarterly report</source>
        <translation>%1%2报告</translation>
    </message>
</context>
<context>
    <name>QuarterReportDialog</name>
    <message>
        <source>Quarterly report</source>
        <translation>季度报告</translation>
    </message>
    <message>
        <source>A quarterly report of one county (tables and charts) as a PDF file, to hand on.</source>
        <translation>生成一个县（市、区）的季度报告（含表格和图表），保存为 PDF 文件，便于报送。</translation>
    </message>
    <message>
        <source>&amp;County:</source>
        <translation>县（市、区）(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Quarter:</source>
        <translation>季度(&amp;Q)：</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
</context>
<context>
    <name>RecordsBehindDialog</name>
    <message>
        <source>Records behind the figure</source>
        <translation>数据明细</translation>
    </message>
    <message>
        <source>The records of your local copy that make up this figure. Export them to Excel with the Export button.</source>
        <translation>以下是本机数据中构成该数字的记录，可用“导出”按钮导出为 Excel。</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <source>Import household roster</source>
        <translation>导入低收入户花名册</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
        <source>Bad rows:</source>
        <translation>有误的行：</translation>
    </message>
    <message>
        <source>A household is imported only when all of its rows are good. Fix the bad rows in the file and import those households again.</source>
        <translation>一户的所有行都无误时才导入该户。请在文件中改正有误的行后再次导入这些户。</translation>
    </message>
    <message>
        <source>&amp;Export bad rows…</source>
        <translation>导出有误的行(&amp;E)…</translation>
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
    <name>StepDialog</name>
    <message>
        <source>Review step</source>
        <translation>审批办理</translation>
    </message>
    <message>
        <source>Steps taken:</source>
        <translation>已办理步骤：</translation>
    </message>
    <message>
        <source>&amp;Decision:</source>
        <translation>办理结果(&amp;D)：</translation>
    </message>
    <message>
        <source>D&amp;ate:</source>
        <translation>日期(&amp;A)：</translation>
    </message>
    <message>
        <source>Decided &amp;by:</source>
        <translation>经办人(&amp;B)：</translation>
    </message>
    <message>
        <source>Notice &amp;from:</source>
        <translation>公示开始(&amp;F)：</translation>
    </message>
    <message>
        <source>Notice &amp;until:</source>
        <translation>公示结束(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Opinion:</source>
        <translation>意见(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>SupervisionBulletin</name>
    <message>
        <source>%1 %2: bulletin on poverty-relief supervision</source>
        <translation>%1%2扶贫领域监督情况通报</translation>
    </message>
    <message>
        <source>From the data on this computer as of %1 · compiled by %2 on %3</source>
        <translation>本机数据截至 %1 · %2 于 %3 编制</translation>
    </message>
    <message>
        <source>1. Warnings</source>
        <translation>一、预警情况</translation>
    </message>
    <message>
        <source>%1 warnings were raised in the quarter: %2 closed, %3 still open, %4 of them escalated (督办).</source>
        <translation>本季度生成预警 %1 条：已销号 %2 条，未销号 %3 条，其中督办 %4 条。</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已销号</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未销号</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>督办</translation>
    </message>
    <message>
        <source>2. Rectifications</source>
        <translation>二、整改情况</translation>
    </message>
    <message>
        <source>%1 rectifications were ordered in the quarter and %2 struck off; %3 are not struck off, %4 of them past their deadline on %5.</source>
        <translation>本季度下达整改 %1 项，销号 %2 项；尚未销号 %3 项，其中截至 %5 已超过整改期限 %4 项。</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Rectification</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>整改要求</translation>
    </message>
    <message>
        <source>3. Referrals</source>
        <translation>三、移送情况</translation>
    </message>
    <message>
        <source>%1 cases were referred in the quarter; %2 referrals were concluded.</source>
        <translation>本季度移送问题线索 %1 件，办结 %2 件。</translation>
    </message>
    <message>
        <source>4. Inspections</source>
        <translation>四、督查情况</translation>
    </message>
    <message>
        <source>No inspection in the quarter.</source>
        <translation>本季度未开展督查。</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>督查</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>督查结论</translation>
    </message>
    <message>
        <source>5. Accountability made public</source>
        <translation>五、问责和通报曝光</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>%1 accountability decisions in the quarter; %2 made public:</source>
        <translation>本季度作出问责决定 %1 件，通报曝光 %2 件：</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>被问责人</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Grounds</source>
        <translation>问责情形</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>问责方式</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Leaders examined (一案双查)</source>
        <translation>一案双查</translation>
    </message>
    <message>
        <source>%1 %2 supervision bulletin</source>
        <translation>%1%2监督情况通报</translation>
    </message>
</context>
<context>
    <name>TableImportDialog</name>
    <message>
        <source>Import list</source>
        <translation>导入名单</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
        <source>Bad rows:</source>
        <translation>有误的行：</translation>
    </message>
    <message>
        <source>“Import the valid rows” saves the good rows now and leaves the bad ones out; “Import nothing” saves nothing, so that you can fix the file and import it whole.</source>
        <translation>“导入无误的行”立即保存无误的行，有误的行不导入；“全部不导入”则不保存任何内容，以便改正文件后整体导入。</translation>
    </message>
    <message>
        <source>&amp;Export bad rows…</source>
        <translation>导出有误的行(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>TradingRecordViews</name>
    <message>
        <source>The notice ended on %1: the bidders&apos; qualification is due.</source>
        <translation>公告已于 %1 结束：应进行资格审查。</translation>
    </message>
    <message>
        <source>Working days until the notice ends on %1, today included.</source>
        <translation>距 %1 公告截止的工作日数（含今天）。</translation>
    </message>
    <message>
        <source>Record a step</source>
        <translation>登记进程</translation>
    </message>
    <message>
        <source>Choose a listing in the list first.</source>
        <translation>请先在列表中选择一个挂牌项目。</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Listings</source>
        <translation>挂牌项目</translation>
    </message>
    <message>
        <source>Registrations</source>
        <translation>竞买报名</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>成交</translation>
    </message>
    <message>
        <source>&amp;Steps…</source>
        <translation>进程(&amp;S)…</translation>
    </message>
    <message>
        <source>Deal confirmation &amp;PDF…</source>
        <translation>成交确认书 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Cadre register</source>
        <translation>村干部登记</translation>
    </message>
    <message>
        <source>Village cadres and their close relatives, kept by the town. Names and ID numbers are confidential: every time they are sent to a user, the server logs it.</source>
        <translation>村干部及其近亲属登记，由乡镇维护。姓名和身份证号属于保密信息：每次发送给用户，服务器都会记录。</translation>
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
    <name>WarningRuleDialog</name>
    <message>
        <source>Warning rule</source>
        <translation>预警规则</translation>
    </message>
    <message>
        <source>&amp;In force (the server evaluates it on every push and in the daily run)</source>
        <translation>启用(&amp;I)（服务器在每次上传和每日全量运行时评估）</translation>
    </message>
    <message>
        <source>&amp;Dry run with these parameters</source>
        <translation>按以下参数试运行(&amp;D)</translation>
    </message>
</context>
<context>
    <name>WarningStepDialog</name>
    <message>
        <source>Handle warning</source>
        <translation>办理预警</translation>
    </message>
    <message>
        <source>&amp;Handled by:</source>
        <translation>经办人(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Assign to:</source>
        <translation>承办人(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>处理结果(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Evidence:</source>
        <translation>佐证材料(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>说明(&amp;N)：</translation>
    </message>
    <message>
        <source>Rectify &amp;by:</source>
        <translation>整改期限(&amp;B)：</translation>
    </message>
    <message>
        <source>Refer &amp;to:</source>
        <translation>移送机关(&amp;T)：</translation>
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
    <name>sunshine::app::AssetRegisterImportDialog</name>
    <message>
        <source>Import asset register</source>
        <translation>导入资产台账</translation>
    </message>
    <message>
        <source>Choose the village, then its asset register (.xlsx or CSV, UTF-8 or GBK, one row per asset) with a header row naming the columns %1; optional: %2. Assets whose 资产编号 the village has already are skipped.</source>
        <translation>请选择村，再选择它的资产台账（.xlsx 或 CSV，UTF-8 或 GBK，每行一项资产），表头列名为 %1；可选列：%2。本村已有相同资产编号的资产将跳过。</translation>
    </message>
    <message>
        <source>Choose an asset register</source>
        <translation>选择资产台账</translation>
    </message>
    <message>
        <source>Registers (*.xlsx *.csv);;Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>台账 (*.xlsx *.csv);;Excel 文件 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Saving %n assets…</source>
        <translation>
            <numerusform>正在保存 %n 项资产…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n assets imported; they are sent when the program is online.</source>
        <translation>
            <numerusform>已导入 %n 项资产；联网后发送到服务器。</numerusform>
        </translation>
    </message>
    <message>
        <source>(choose the village)</source>
        <translation>（请选择村）</translation>
    </message>
    <message>
        <source>&amp;Village:</source>
        <translation>村(&amp;V)：</translation>
    </message>
    <message>
        <source>Choose the village the register belongs to.</source>
        <translation>请选择台账所属的村。</translation>
    </message>
    <message numerus="yes">
        <source>%n assets are in the register already (the same 资产编号) and are skipped.</source>
        <translation>
            <numerusform>%n 项资产已在台账中（资产编号相同），已跳过。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Import register…</source>
        <translation>导入资产台账(&amp;I)…</translation>
    </message>
</context>
<context>
    <name>sunshine::app::AuditView</name>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Audit reports</source>
        <translation>审计报告</translation>
    </message>
    <message>
        <source>Unit at fault</source>
        <translation>问题单位</translation>
    </message>
    <message>
        <source>Audit findings</source>
        <translation>审计发现</translation>
    </message>
</context>
<context>
    <name>sunshine::app::BidDialog</name>
    <message>
        <source>&amp;Send bid</source>
        <translation>发送报价(&amp;S)</translation>
    </message>
    <message>
        <source>The listing is not in the local data.</source>
        <translation>本地数据中没有这个挂牌项目。</translation>
    </message>
    <message>
        <source>Now: %1. No bid yet.</source>
        <translation>当前：%1。尚无报价。</translation>
    </message>
    <message numerus="yes">
        <source>Now: %1. %n bid(s) so far, the highest %2 yuan.</source>
        <translation>
            <numerusform>当前：%1。已有 %n 次报价，最高 %2 元。</numerusform>
        </translation>
    </message>
    <message>
        <source>the start price</source>
        <translation>起拍价</translation>
    </message>
    <message>
        <source>the last bid plus the step of %1 yuan</source>
        <translation>上一次报价加上 %1 元的加价幅度</translation>
    </message>
    <message>
        <source>Lowest bid accepted now: %1 yuan (%2).</source>
        <translation>当前最低应价：%1 元（%2）。</translation>
    </message>
    <message>
        <source>The listing is not bidding now: bids are taken only while it is.</source>
        <translation>该项目现在不在竞价中：只有竞价期间才接受报价。</translation>
    </message>
    <message>
        <source>No bidder of this listing has passed the qualification.</source>
        <translation>该项目还没有通过资格审查的竞买人。</translation>
    </message>
    <message>
        <source>Choose the bidder.</source>
        <translation>请选择竞买人。</translation>
    </message>
    <message>
        <source>The bid is below the lowest bid accepted now (%1 yuan).</source>
        <translation>报价低于当前最低应价（%1 元）。</translation>
    </message>
    <message>
        <source>The server cannot be reached: a bid is only made online. %1</source>
        <translation>无法连接服务器：报价只能联网进行。%1</translation>
    </message>
</context>
<context>
    <name>sunshine::app::CalendarPanel</name>
    <message>
        <source>Load a year&apos;s calendar…</source>
        <translation>导入年度日历…</translation>
    </message>
    <message>
        <source>Working-day calendar: %1</source>
        <translation>工作日历：%1 年</translation>
    </message>
    <message>
        <source>This year&apos;s official schedule is missing: deadlines count weekends only (日历未更新).</source>
        <translation>缺少今年的法定放假安排：期限只按周末计算（日历未更新）。</translation>
    </message>
    <message>
        <source>Next year&apos;s official schedule is not loaded yet. Load it as soon as the State Council publishes it.</source>
        <translation>尚未导入明年的法定放假安排，请在国务院办公厅发布后尽快导入。</translation>
    </message>
    <message>
        <source>Load a year&apos;s working-day calendar</source>
        <translation>导入年度工作日历</translation>
    </message>
    <message>
        <source>Calendar (*.csv *.txt)</source>
        <translation>日历文件 (*.csv *.txt)</translation>
    </message>
    <message>
        <source>Calendar not loaded</source>
        <translation>日历未导入</translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>The file must hold the dates of exactly one year.</source>
        <translation>日历文件只能包含同一年的日期。</translation>
    </message>
    <message>
        <source>Calendar loaded</source>
        <translation>日历已导入</translation>
    </message>
    <message>
        <source>The official schedule of %1 is stored on the server (version %2). Every program uses it from its next sync.</source>
        <translation>%1 年的法定放假安排已保存到服务器（第 %2 版），各终端下次同步后即按新日历计算期限。</translation>
    </message>
</context>
<context>
    <name>sunshine::app::CardDashboardPanel</name>
    <message>
        <source>Village cards</source>
        <translation>村务卡</translation>
    </message>
    <message>
        <source>Click a place to look into it.</source>
        <translation>单击单位查看下一级。</translation>
    </message>
    <message>
        <source>%1: spent %2 yuan by card, %3 of %4 payments not claimed yet, %5 card warnings open.</source>
        <translation>%1 年：村务卡支出 %2 元，%4 笔支出中 %3 笔尚未报账，村务卡预警未办结 %5 条。</translation>
    </message>
</context>
<context>
    <name>sunshine::app::CardOverviewModel</name>
    <message>
        <source>%1 in total</source>
        <translation>%1合计</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Spent (yuan)</source>
        <translation>支出（元）</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Not claimed</source>
        <translation>未报账笔数</translation>
    </message>
    <message>
        <source>Share not claimed</source>
        <translation>未报账占比</translation>
    </message>
    <message>
        <source>Open warnings</source>
        <translation>未办结预警</translation>
    </message>
</context>
<context>
    <name>sunshine::app::CardOverviewView</name>
    <message>
        <source>&amp;Up a level</source>
        <translation>上一级(&amp;U)</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <source>Spending less refunds; a line is not claimed until a claim covers it (refunded purchases aside). Double-click a unit to see the units below it.</source>
        <translation>支出已扣除退款；一笔支出在报账覆盖前计为未报账（已退款的消费除外）。双击单位查看下一级。</translation>
    </message>
</context>
<context>
    <name>sunshine::app::CardStepDialog</name>
    <message>
        <source>Approve spend request</source>
        <translation>报备审批</translation>
    </message>
    <message>
        <source>Check claim</source>
        <translation>报账审核</translation>
    </message>
    <message>
        <source>The record is not in the local data.</source>
        <translation>本机数据中没有这条记录。</translation>
    </message>
    <message>
        <source>Now: %1. An estimate of this size is approved by %2.</source>
        <translation>当前：%1。该金额的支出由%2审批。</translation>
    </message>
    <message>
        <source>Now: %1.</source>
        <translation>当前：%1。</translation>
    </message>
    <message>
        <source>Nothing for you to do on this record now.</source>
        <translation>您目前不能对这条记录办理任何步骤。</translation>
    </message>
    <message>
        <source>Checked by (supervision committee):</source>
        <translation>审核人（村监委）：</translation>
    </message>
    <message>
        <source>&amp;Signed by:</source>
        <translation>签字人(&amp;S)：</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
</context>
<context>
    <name>sunshine::app::CardTab</name>
    <message>
        <source>Village cards</source>
        <translation>村务卡</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>交易明细</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>村务卡</translation>
    </message>
    <message>
        <source>Spend requests</source>
        <translation>用卡报备</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>报账</translation>
    </message>
    <message>
        <source>Monthly summary</source>
        <translation>月度汇总</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概况</translation>
    </message>
    <message>
        <source>Approval tiers</source>
        <translation>审批权限</translation>
    </message>
</context>
<context>
    <name>sunshine::app::CasesView</name>
    <message>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>办理进度</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Identification cases</source>
        <translation>精准识别</translation>
    </message>
    <message>
        <source>Exit cases</source>
        <translation>退出审批</translation>
    </message>
    <message>
        <source>Next &amp;step…</source>
        <translation>办理下一步(&amp;S)…</translation>
    </message>
    <message>
        <source>Identification (Art. 9)</source>
        <translation>精准识别（第九条）</translation>
    </message>
    <message>
        <source>Exit (Art. 10)</source>
        <translation>退出（第十条）</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>办理下一步</translation>
    </message>
    <message>
        <source>Choose a case first.</source>
        <translation>请先选择一个案件。</translation>
    </message>
    <message>
        <source>Comparison…</source>
        <translation>比对(&amp;C)…</translation>
    </message>
    <message>
        <source>Comparison &amp;data…</source>
        <translation>比对详情(&amp;D)…</translation>
    </message>
    <message>
        <source>Comparison data</source>
        <translation>比对详情</translation>
    </message>
    <message>
        <source>Comparison hits</source>
        <translation>比对疑点</translation>
    </message>
</context>
<context>
    <name>sunshine::app::ClaimTransactionsDialog</name>
    <message>
        <source>The claim is not in the local data.</source>
        <translation>本机数据中没有这笔报账。</translation>
    </message>
    <message>
        <source>Claim “%1” of %2 on the card %3. Tick the transactions it covers.</source>
        <translation>报账“%1”，金额 %2 元，村务卡 %3。请勾选它包含的交易。</translation>
    </message>
    <message>
        <source>The claim is booked: what it covers can no longer change.</source>
        <translation>该报账已入账，包含的交易不能再改动。</translation>
    </message>
    <message>
        <source>Ticked: %1, the amount of the claim.</source>
        <translation>已勾选 %1 元，与报账金额一致。</translation>
    </message>
    <message>
        <source>Ticked: %1; the claim is for %2.</source>
        <translation>已勾选 %1 元；报账金额为 %2 元。</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
</context>
<context>
    <name>sunshine::app::CollectiveDashboardPanel</name>
    <message>
        <source>Collective assets</source>
        <translation>集体三资</translation>
    </message>
    <message>
        <source>Click a place to look into it.</source>
        <translation>点击一个地区查看其下级。</translation>
    </message>
    <message>
        <source>%1: income %2 yuan, spending %3 yuan; cash %4 yuan and bank deposits %5 yuan; net assets %6 yuan; rent in arrears %7 yuan; %8 warnings of the books open.</source>
        <translation>%1：收入 %2 元，支出 %3 元；库存现金 %4 元，银行存款 %5 元；资产净值 %6 元；欠缴租金 %7 元；三资预警未办结 %8 条。</translation>
    </message>
</context>
<context>
    <name>sunshine::app::CollectiveOverviewModel</name>
    <message>
        <source>%1 in total</source>
        <translation>%1 合计</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Income (yuan)</source>
        <translation>收入（元）</translation>
    </message>
    <message>
        <source>Spending (yuan)</source>
        <translation>支出（元）</translation>
    </message>
    <message>
        <source>Cash (yuan)</source>
        <translation>库存现金（元）</translation>
    </message>
    <message>
        <source>Bank (yuan)</source>
        <translation>银行存款（元）</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>资产</translation>
    </message>
    <message>
        <source>Net assets (yuan)</source>
        <translation>资产净值（元）</translation>
    </message>
    <message>
        <source>Contracts in force</source>
        <translation>履行中合同</translation>
    </message>
    <message>
        <source>Contract value (yuan)</source>
        <translation>合同金额（元）</translation>
    </message>
    <message>
        <source>Rent in arrears (yuan)</source>
        <translation>欠缴租金（元）</translation>
    </message>
    <message>
        <source>Open warnings</source>
        <translation>未办结预警</translation>
    </message>
</context>
<context>
    <name>sunshine::app::CollectiveOverviewView</name>
    <message>
        <source>&amp;Up a level</source>
        <translation>返回上级(&amp;U)</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <source>Income and spending of the year chosen (transfers between a village&apos;s own accounts are neither; a reversing entry counts against its class); balances, assets, contracts and rent in arrears as they stand today. Double-click a unit to see the units below it.</source>
        <translation>所选年度的收入和支出（村内账户之间的转款不计收支；冲销分录冲减其类别）；余额、资产、合同和欠缴租金为今日数。双击一个单位查看其下级。</translation>
    </message>
    <message>
        <source>Overview %1</source>
        <translation>概况 %1</translation>
    </message>
    <message>
        <source>Collective overview %1 %2</source>
        <translation>集体三资概况 %1 %2</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <source>The overview was written to %1.</source>
        <translation>概况已写入 %1。</translation>
    </message>
</context>
<context>
    <name>sunshine::app::CollectiveTab</name>
    <message>
        <source>Collective assets</source>
        <translation>集体三资</translation>
    </message>
    <message>
        <source>Journals</source>
        <translation>日记账</translation>
    </message>
    <message>
        <source>Cash closes</source>
        <translation>现金日结月结</translation>
    </message>
    <message>
        <source>Asset register</source>
        <translation>资产台账</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Rent collection</source>
        <translation>租金收缴</translation>
    </message>
    <message>
        <source>Reference rents</source>
        <translation>租金指导价</translation>
    </message>
    <message>
        <source>Disclosure</source>
        <translation>财务公开</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概况</translation>
    </message>
    <message>
        <source>County figures</source>
        <translation>县级监管参数</translation>
    </message>
</context>
<context>
    <name>sunshine::app::ComparisonDialog</name>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>比对来源</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>比对情况</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Reason of the query</source>
        <translation>查询事由</translation>
    </message>
    <message>
        <source>Why do you view these comparison data? The query is logged with its reason (Art. 26).</source>
        <translation>请说明查看这些比对数据的事由。本次查询将连同事由记入日志（第二十六条）。</translation>
    </message>
    <message>
        <source>The comparison is done by reviewers at county or city level.</source>
        <translation>比对由县级或市级审核员办理。</translation>
    </message>
    <message>
        <source>Import comparison results</source>
        <translation>导入比对结果</translation>
    </message>
    <message>
        <source>Tables (*.xlsx *.csv *.txt);;All files (*)</source>
        <translation>表格文件 (*.xlsx *.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The file holds no table.</source>
        <translation>文件中没有表格数据。</translation>
    </message>
    <message>
        <source>Line %1 should name the columns; missing: %2.</source>
        <translation>第 %1 行应为列名，缺少：%2。</translation>
    </message>
    <message>
        <source>no ID number</source>
        <translation>没有身份证号</translation>
    </message>
    <message>
        <source>the ID number is not valid: %1</source>
        <translation>身份证号有误：%1</translation>
    </message>
    <message>
        <source>unknown source “%1” (车辆, 房产, 公积金, 社保 or 其他)</source>
        <translation>无法识别的比对来源“%1”（应为车辆、房产、公积金、社保或其他）</translation>
    </message>
    <message>
        <source>no detail of the hit</source>
        <translation>没有填写比对情况</translation>
    </message>
    <message>
        <source>the detail is longer than %1 characters</source>
        <translation>比对情况超过 %1 个字</translation>
    </message>
    <message>
        <source>the case of ID number %1 is already closed</source>
        <translation>身份证号 %1 的案件已办结</translation>
    </message>
    <message>
        <source>no identification case with ID number %1</source>
        <translation>没有身份证号为 %1 的精准识别案件</translation>
    </message>
    <message>
        <source>The hits of %1 were not saved: %2</source>
        <translation>%1 的比对疑点未能保存：%2</translation>
    </message>
    <message>
        <source>Rows read: %1. New hits: %2 in %3 cases. Already recorded: %4.</source>
        <translation>共读取 %1 行。新增疑点 %2 条，涉及 %3 个案件；已登记过的 %4 条。</translation>
    </message>
    <message>
        <source>Rows that match no open case: %1</source>
        <translation>未匹配到办理中案件的行：%1</translation>
    </message>
    <message>
        <source>  line %1: %2</source>
        <translation>  第 %1 行：%2</translation>
    </message>
    <message>
        <source>Rows that cannot be read: %1</source>
        <translation>无法读取的行：%1</translation>
    </message>
    <message>
        <source>The hits are shown only with the reason of the query (Art. 26).</source>
        <translation>须说明查询事由才能查看比对疑点（第二十六条）。</translation>
    </message>
    <message>
        <source>The reason may have at most %1 characters.</source>
        <translation>事由最多 %1 个字。</translation>
    </message>
    <message>
        <source>The query could not be logged: %1</source>
        <translation>查询未能记入日志：%1</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>已排除</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待核实</translation>
    </message>
    <message>
        <source>Choose a hit first.</source>
        <translation>请先选择一条疑点。</translation>
    </message>
    <message>
        <source>The case is no longer in the local data.</source>
        <translation>本机数据中已没有该案件。</translation>
    </message>
    <message>
        <source>Only open hits can be cleared or confirmed.</source>
        <translation>只能排除或确认待核实的疑点。</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
    <message>
        <source>Give the reason why the hit is cleared.</source>
        <translation>请写明排除该疑点的理由。</translation>
    </message>
    <message>
        <source>Clear hit</source>
        <translation>排除疑点</translation>
    </message>
    <message>
        <source>Why is this hit no obstacle (e.g. the vehicle was scrapped)?</source>
        <translation>该疑点为何不影响认定（例如车辆已报废）？</translation>
    </message>
    <message>
        <source>Confirm hit</source>
        <translation>确认疑点</translation>
    </message>
    <message>
        <source>Confirm this hit? The case can then only be returned, not approved.</source>
        <translation>确认该疑点？确认后该案件只能退回，不能审批通过。</translation>
    </message>
</context>
<context>
    <name>sunshine::app::ComparisonImportDialog</name>
    <message>
        <source>Import comparison list</source>
        <translation>导入比对名单</translation>
    </message>
    <message>
        <source>Choose the list, then a file (.xlsx or CSV, one row per person) with a header row naming the columns %1; optional: %2. The date is the day of death, or the day the person was put on the payroll or registered. Queries of these data are lawful, logged and confidential (Art. 26).</source>
        <translation>先选择名单类别，再选择文件（.xlsx 或 CSV，每人一行），表头须包括 %1；可选：%2。日期为死亡日期，或纳入财政供养、登记之日。查询这些数据须依法进行、记录在案并予以保密（第二十六条）。</translation>
    </message>
    <message>
        <source>Choose a comparison list</source>
        <translation>选择比对名单</translation>
    </message>
    <message>
        <source>Lists (*.xlsx *.csv);;Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>名单 (*.xlsx *.csv);;Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Saving %n list entries…</source>
        <translation>
            <numerusform>正在保存 %n 条名单记录…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n list entries imported; they are sent when the program is online.</source>
        <translation>
            <numerusform>已导入 %n 条名单记录，联网后自动上传。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;List:</source>
        <translation>名单类别(&amp;L)：</translation>
    </message>
    <message>
        <source>Comparison lists are imported by reviewers of a county or the city.</source>
        <translation>比对名单由县（市、区）或市级审核员导入。</translation>
    </message>
</context>
<context>
    <name>sunshine::app::ComparisonListView</name>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Comparison lists</source>
        <translation>比对名单</translation>
    </message>
    <message>
        <source>Import list…</source>
        <translation>导入发放名单…</translation>
    </message>
</context>
<context>
    <name>sunshine::app::ComplaintStatsModel</name>
    <message>
        <source>(not assigned)</source>
        <translation>（未交办）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>Department on the slip</source>
        <translation>承办部门</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉举报</translation>
    </message>
    <message>
        <source>Waiting for a slip</source>
        <translation>待交办</translation>
    </message>
    <message>
        <source>In hand</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Concluded</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>不予受理</translation>
    </message>
</context>
<context>
    <name>sunshine::app::ComplaintStepDialog</name>
    <message>
        <source>The complaint is not in the local data.</source>
        <translation>本机数据中没有这件投诉。</translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>当前状态：%1</translation>
    </message>
    <message>
        <source>Nothing for you to do on this complaint now.</source>
        <translation>这件投诉当前没有需要您办理的环节。</translation>
    </message>
    <message>
        <source>The reason (the complainant reads it):</source>
        <translation>理由（投诉人可查询）：</translation>
    </message>
    <message>
        <source>The department&apos;s reply:</source>
        <translation>承办部门回复意见：</translation>
    </message>
    <message>
        <source>The result of the investigation:</source>
        <translation>调查处理结果：</translation>
    </message>
    <message>
        <source>Why the result is returned:</source>
        <translation>退回理由：</translation>
    </message>
    <message>
        <source>What the complainant is told:</source>
        <translation>反馈给投诉人的内容：</translation>
    </message>
    <message>
        <source>The complainant&apos;s objection:</source>
        <translation>投诉人提出的异议：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>说明(&amp;N)：</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
</context>
<context>
    <name>sunshine::app::ComplaintsView</name>
    <message>
        <source>Taken in by</source>
        <translation>受理单位</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉举报</translation>
    </message>
    <message>
        <source>Lookup code for the complainant: %1</source>
        <translation>投诉人查询码：%1</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <source>in time</source>
        <translation>期限内</translation>
    </message>
    <message>
        <source>reply late</source>
        <translation>逾期未回复</translation>
    </message>
    <message>
        <source>result late</source>
        <translation>逾期未办结</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>&amp;Handle…</source>
        <translation>办理(&amp;H)…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Statistics&lt;/b&gt; (Art. 24): per department on the slip and per category</source>
        <translation>&lt;b&gt;统计&lt;/b&gt;（第二十四条）：按承办部门和问题类别</translation>
    </message>
    <message>
        <source>Export s&amp;tatistics…</source>
        <translation>导出统计(&amp;T)…</translation>
    </message>
    <message>
        <source>Handle complaint</source>
        <translation>办理投诉</translation>
    </message>
    <message>
        <source>Choose a complaint in the list first.</source>
        <translation>请先在列表中选择一件投诉。</translation>
    </message>
    <message>
        <source>Export statistics</source>
        <translation>导出统计</translation>
    </message>
    <message>
        <source>Complaint statistics.xlsx</source>
        <translation>投诉举报统计.xlsx</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <source>By department</source>
        <translation>按承办部门</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按问题类别</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
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
    <name>sunshine::app::DashboardTab</name>
    <message>
        <source>Click a place to go back up.</source>
        <translation>单击上级地区可返回上一级。</translation>
    </message>
    <message>
        <source>Disbursed (10k yuan)</source>
        <translation>发放金额（万元）</translation>
    </message>
    <message>
        <source>Registered households</source>
        <translation>在册户数</translation>
    </message>
    <message>
        <source>Exits this year</source>
        <translation>本年退出户数</translation>
    </message>
    <message>
        <source>Pairing coverage</source>
        <translation>结对覆盖率</translation>
    </message>
    <message>
        <source>Visit coverage</source>
        <translation>走访覆盖率</translation>
    </message>
    <message>
        <source>Help requests overdue</source>
        <translation>求助逾期未办结</translation>
    </message>
    <message>
        <source>Entries overdue</source>
        <translation>逾期未录入</translation>
    </message>
    <message>
        <source>Entered late</source>
        <translation>逾期录入</translation>
    </message>
    <message>
        <source>Show the records behind this figure</source>
        <translation>查看该项数据的明细记录</translation>
    </message>
    <message>
        <source>Money per place</source>
        <translation>各地区资金发放</translation>
    </message>
    <message>
        <source>Share per fund kind</source>
        <translation>各类资金占比</translation>
    </message>
    <message>
        <source>Money per month</source>
        <translation>月度资金发放</translation>
    </message>
    <message>
        <source>Fund entries overdue and entered late, per department</source>
        <translation>各部门资金记录逾期未录入和逾期录入情况</translation>
    </message>
    <message>
        <source>Double-click a number to list its records.</source>
        <translation>双击数字可列出对应的记录。</translation>
    </message>
    <message>
        <source>Places: click a place to look into it; double-click a number to list its records.</source>
        <translation>各地区情况：单击地区名称可下钻查看；双击数字可列出对应的记录。</translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>全年</translation>
    </message>
    <message>
        <source>Quarter %1</source>
        <translation>第 %1 季度</translation>
    </message>
    <message>
        <source>All fund kinds</source>
        <translation>全部资金类别</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <source>Quarter:</source>
        <translation>季度：</translation>
    </message>
    <message>
        <source>Fund kind:</source>
        <translation>资金类别：</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>部门：</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>Dashboard as &amp;PNG…</source>
        <translation>数据看板存为 PNG(&amp;P)…</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>数据看板</translation>
    </message>
    <message>
        <source>Dashboard as P&amp;DF…</source>
        <translation>数据看板存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Print dashboard…</source>
        <translation>打印数据看板(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quarterly report of a county (PDF)…</source>
        <translation>县（市、区）季度报告（PDF）(&amp;Q)…</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <source>%1 (whole year)</source>
        <translation>%1年全年</translation>
    </message>
    <message>
        <source>The places of your area are not known yet.</source>
        <translation>尚未获取您辖区的行政区划。</translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s)</source>
        <translation>
            <numerusform>共 %n 笔发放</numerusform>
        </translation>
    </message>
    <message>
        <source>in the registry now</source>
        <translation>当前在册</translation>
    </message>
    <message>
        <source>left the registry in %1</source>
        <translation>%1年退出</translation>
    </message>
    <message>
        <source>%1 without a helper</source>
        <translation>%1 户未落实帮扶责任人</translation>
    </message>
    <message>
        <source>%1 of %2 pairings</source>
        <translation>%2 个结对中已走访 %1 个</translation>
    </message>
    <message>
        <source>open, past the deadline</source>
        <translation>未办结且已超过时限</translation>
    </message>
    <message>
        <source>vouchers, reports</source>
        <translation>凭证、报告等</translation>
    </message>
    <message>
        <source>in the period</source>
        <translation>统计期内</translation>
    </message>
    <message>
        <source>Exits %1</source>
        <translation>%1年退出户数</translation>
    </message>
    <message>
        <source>Visits %1</source>
        <translation>走访覆盖率 %1</translation>
    </message>
    <message>
        <source>Pairings visited in %1</source>
        <translation>%1已走访的结对占比</translation>
    </message>
    <message>
        <source>Data as of %1 (from the server)</source>
        <translation>数据截至 %1（来自服务器）</translation>
    </message>
    <message>
        <source>Not synced yet: the figures show only what was entered on this computer</source>
        <translation>尚未同步：数据仅包括本机录入的内容</translation>
    </message>
    <message>
        <source>Data as of %1 (last sync, local copy)</source>
        <translation>数据截至 %1（上次同步的本机数据）</translation>
    </message>
    <message>
        <source>Sunshine+ dashboard: %1, %2</source>
        <translation>阳光扶贫+ 数据看板：%1，%2</translation>
    </message>
    <message>
        <source>Save chart as PNG…</source>
        <translation>图表另存为 PNG…</translation>
    </message>
    <message>
        <source>Save chart as PDF…</source>
        <translation>图表另存为 PDF…</translation>
    </message>
    <message>
        <source>Print chart…</source>
        <translation>打印图表…</translation>
    </message>
    <message>
        <source>Click to look closer; right-click to save or print the chart.</source>
        <translation>单击可查看详情；右键单击可保存或打印图表。</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>Save as PNG</source>
        <translation>另存为 PNG</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>PNG picture (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1：%2，%3</translation>
    </message>
    <message>
        <source>Save the quarterly report</source>
        <translation>保存季度报告</translation>
    </message>
    <message>
        <source>Report failed</source>
        <translation>报告生成失败</translation>
    </message>
    <message>
        <source>Open warnings</source>
        <translation>未销号预警</translation>
    </message>
    <message>
        <source>Escalated warnings</source>
        <translation>督办预警</translation>
    </message>
    <message>
        <source>not yet closed (销号)</source>
        <translation>尚未销号</translation>
    </message>
    <message>
        <source>overdue, escalated (督办)</source>
        <translation>逾期，已督办</translation>
    </message>
    <message>
        <source>Open rectifications</source>
        <translation>未销号整改</translation>
    </message>
    <message>
        <source>Late rectifications</source>
        <translation>逾期整改</translation>
    </message>
    <message>
        <source>not yet struck off (销号)</source>
        <translation>尚未销号</translation>
    </message>
    <message>
        <source>past the deadline</source>
        <translation>已超过整改期限</translation>
    </message>
</context>
<context>
    <name>sunshine::app::DeadlineColumnProxy</name>
    <message>
        <source>Deadline</source>
        <translation>时限状态</translation>
    </message>
    <message>
        <source>%1: %2 due %3 (working days counted by the regulation)</source>
        <translation>%1：%2期限为 %3（按办法规定的工作日计算）</translation>
    </message>
    <message>
        <source>%1: no deadline applies</source>
        <translation>%1：无时限要求</translation>
    </message>
    <message>
        <source>%1 · %2 by %3</source>
        <translation>%1 · %2期限 %3</translation>
    </message>
</context>
<context>
    <name>sunshine::app::DepartmentFiguresModel</name>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Entries overdue</source>
        <translation>逾期未录入</translation>
    </message>
    <message>
        <source>Entered late</source>
        <translation>逾期录入</translation>
    </message>
    <message>
        <source>Paid late</source>
        <translation>逾期发放</translation>
    </message>
</context>
<context>
    <name>sunshine::app::DisbursementImportDialog</name>
    <message>
        <source>Choose a disbursement list (.xlsx or CSV, one row per payment) with a header row naming the columns %1; optional: %2. The fund line may be named by its Chinese name or its code.</source>
        <translation>请选择发放名单（.xlsx 或 CSV，每笔发放一行），首行为列名，须包含：%1；可选：%2。资金项目可填写中文名称或编码。</translation>
    </message>
    <message>
        <source>Choose a disbursement list</source>
        <translation>选择发放名单</translation>
    </message>
    <message>
        <source>Disbursement lists (*.xlsx *.csv);;Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>发放名单 (*.xlsx *.csv);;Excel 文件 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>The units of your area are not known yet. Connect once so the program can fetch them, then import the list.</source>
        <translation>尚未获取您辖区的行政区划。请联网登录一次，程序获取后再导入发放名单。</translation>
    </message>
    <message>
        <source>The departments of your area are not known yet. Connect once so the program can fetch them, then import the list.</source>
        <translation>尚未获取您辖区的部门。请联网登录一次，程序获取后再导入发放名单。</translation>
    </message>
    <message>
        <source>Valid amount: %1 yuan.</source>
        <translation>无误行金额合计 %1 元。</translation>
    </message>
    <message numerus="yes">
        <source>%n disbursement(s) imported; they are sent when the program is online.</source>
        <translation>
            <numerusform>已导入 %n 笔发放记录，联网后将自动发送。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saving %n disbursement(s)…</source>
        <translation>
            <numerusform>正在保存 %n 笔发放记录…</numerusform>
        </translation>
    </message>
    <message>
        <source>Import disbursement list</source>
        <translation>导入发放名单</translation>
    </message>
</context>
<context>
    <name>sunshine::app::DisclosureDialog</name>
    <message>
        <source>Open</source>
        <translation>待核实</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>已排除</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Comparison data are confidential (Art. 26). This reading is logged with its reason; nothing shown here is kept on this computer.</source>
        <translation>比对数据须依法保密（第二十六条）。本次查阅连同理由记入审计日志；此处显示的内容不会保存在本机。</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>比对来源</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>比对情况</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>The server could not be reached: the comparison data can only be read online.</source>
        <translation>无法连接服务器：比对详情只能在线查阅。</translation>
    </message>
    <message>
        <source>Applicant: %1, ID number %2</source>
        <translation>申请人：%1，身份证号 %2</translation>
    </message>
    <message>
        <source>The case has no comparison hits.</source>
        <translation>该申请没有比对疑点。</translation>
    </message>
    <message>
        <source>Reason for reading</source>
        <translation>查阅理由</translation>
    </message>
    <message>
        <source>Why do you read the comparison data of this case? The reading is logged with its reason (Art. 26).</source>
        <translation>为何查阅该申请的比对数据？查阅连同理由记入审计日志（第二十六条）。</translation>
    </message>
</context>
<context>
    <name>sunshine::app::DisclosureView</name>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Financial disclosures</source>
        <translation>财务公开</translation>
    </message>
    <message>
        <source>&amp;Generate…</source>
        <translation>生成(&amp;G)…</translation>
    </message>
    <message>
        <source>Builds a village&apos;s disclosure of an ended quarter from its books</source>
        <translation>按账目生成一个村已结束季度的财务公开</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>导出 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>A quarter&apos;s disclosure is generated once the quarter has ended.</source>
        <translation>季度结束后才能生成该季度的财务公开。</translation>
    </message>
    <message>
        <source>Choose a village of your area.</source>
        <translation>请选择您辖区内的一个村。</translation>
    </message>
    <message>
        <source>The disclosure of %1 for %2 is posted already; it is not generated again.</source>
        <translation>%1 %2 的财务公开已经公开，不再重新生成。</translation>
    </message>
    <message>
        <source>The disclosure is not on this computer.</source>
        <translation>本机没有这份财务公开。</translation>
    </message>
    <message>
        <source>The disclosure has no report to print.</source>
        <translation>这份财务公开没有可打印的内容。</translation>
    </message>
    <message>
        <source>%1 financial disclosure, %2</source>
        <translation>%1财务公开（%2）</translation>
    </message>
    <message>
        <source>Generate a disclosure</source>
        <translation>生成财务公开</translation>
    </message>
    <message>
        <source>The villages of your area are not known yet. Connect once so the program can fetch them.</source>
        <translation>还不知道您辖区内有哪些村。请先联网一次，以便程序获取。</translation>
    </message>
    <message>
        <source>Village:</source>
        <translation>村：</translation>
    </message>
    <message>
        <source>Quarter:</source>
        <translation>季度：</translation>
    </message>
    <message>
        <source>The disclosure is saved as a draft. Once the village&apos;s finance group has checked it, record the check and the posting with Edit.</source>
        <translation>财务公开已保存为草稿。村民主理财小组审核后，请用“编辑”登记审核和公开情况。</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>Choose a disclosure in the list first.</source>
        <translation>请先在列表中选择一份财务公开。</translation>
    </message>
    <message>
        <source>%1 %2 financial disclosure</source>
        <translation>%1 %2 财务公开</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
</context>
<context>
    <name>sunshine::app::FundCatalogModel</name>
    <message>
        <source>%1 (code %2)</source>
        <translation>%1（编码 %2）</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>Fund line</source>
        <translation>资金项目</translation>
    </message>
    <message>
        <source>Lead department</source>
        <translation>牵头部门</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>资金类别</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>发放方式</translation>
    </message>
    <message>
        <source>Paid to</source>
        <translation>发放对象</translation>
    </message>
</context>
<context>
    <name>sunshine::app::FundCatalogView</name>
    <message>
        <source>Search…</source>
        <translation>搜索…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message numerus="yes">
        <source>%n fund line(s)</source>
        <translation>
            <numerusform>%n 个资金项目</numerusform>
        </translation>
    </message>
    <message>
        <source>Fund catalog</source>
        <translation>资金目录</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出为 Excel</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>导出完成</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written to %1.</source>
        <translation>
            <numerusform>已将 %n 行写入 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sunshine::app::FundLineDialog</name>
    <message>
        <source>&amp;Add fund line…</source>
        <translation>增加资金项目(&amp;A)…</translation>
    </message>
    <message>
        <source>– choose the lead department –</source>
        <translation>– 请选择牵头部门 –</translation>
    </message>
    <message>
        <source>The code is already used by “%1”.</source>
        <translation>该编码已被“%1”使用。</translation>
    </message>
    <message>
        <source>Choose the department that pays, enters and supervises the line.</source>
        <translation>请选择负责发放、录入和监管该资金项目的部门。</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read.</source>
        <translation>无法读取服务器的答复。</translation>
    </message>
</context>
<context>
    <name>sunshine::app::FundRecordsView</name>
    <message>
        <source>All deadline states</source>
        <translation>全部时限状态</translation>
    </message>
    <message>
        <source>Show only the records in one deadline state</source>
        <translation>只显示处于某一时限状态的记录</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Fund allocations</source>
        <translation>资金指标</translation>
    </message>
    <message>
        <source>Disbursements</source>
        <translation>资金发放</translation>
    </message>
    <message>
        <source>Import list…</source>
        <translation>导入发放名单…</translation>
    </message>
    <message>
        <source>Allocation plans</source>
        <translation>分配方案</translation>
    </message>
    <message>
        <source>Income (yuan)</source>
        <translation>收益（元）</translation>
    </message>
    <message>
        <source>Fund returns</source>
        <translation>资金收益</translation>
    </message>
    <message>
        <source>Performance evaluations</source>
        <translation>绩效评价</translation>
    </message>
    <message>
        <source>Fund standards</source>
        <translation>资金标准</translation>
    </message>
</context>
<context>
    <name>sunshine::app::FundSummaryModel</name>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>%1 (%2, code %3)</source>
        <translation>%1（条款 %2，编码 %3）</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s), %1 yuan</source>
        <translation>
            <numerusform>%n 条记录，共 %1 元</numerusform>
        </translation>
    </message>
    <message>
        <source>Fund line</source>
        <translation>资金项目</translation>
    </message>
    <message>
        <source>%1 (own level)</source>
        <translation>%1（本级）</translation>
    </message>
</context>
<context>
    <name>sunshine::app::FundSummaryView</name>
    <message>
        <source>&amp;Year:</source>
        <translation>年度(&amp;Y)：</translation>
    </message>
    <message>
        <source>Disbursed (by payment date)</source>
        <translation>已发放（按发放日期）</translation>
    </message>
    <message>
        <source>Allocated (by fund year)</source>
        <translation>已下达（按资金年度）</translation>
    </message>
    <message>
        <source>Yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <source>10,000 yuan</source>
        <translation>万元</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) in %1</source>
        <translation>
            <numerusform>%1年共 %n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>The summary could not be read: %1</source>
        <translation>无法读取汇总数据：%1</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1（%2，%3）</translation>
    </message>
    <message>
        <source>Summary %1</source>
        <translation>%1年汇总</translation>
    </message>
    <message>
        <source>Fund summary %1</source>
        <translation>%1年资金汇总</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出为 Excel</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <source>The summary was written to %1.</source>
        <translation>汇总表已写入 %1。</translation>
    </message>
</context>
<context>
    <name>sunshine::app::FundsTab</name>
    <message>
        <source>Disbursements</source>
        <translation>资金发放</translation>
    </message>
    <message>
        <source>Allocations</source>
        <translation>资金指标</translation>
    </message>
    <message>
        <source>Allocation plans</source>
        <translation>分配方案</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>资金收益</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>绩效评价</translation>
    </message>
    <message>
        <source>Yearly summary</source>
        <translation>年度汇总</translation>
    </message>
    <message>
        <source>Fund catalog</source>
        <translation>资金目录</translation>
    </message>
    <message>
        <source>Standards</source>
        <translation>资金标准</translation>
    </message>
    <message>
        <source>Comparison lists</source>
        <translation>比对名单</translation>
    </message>
</context>
<context>
    <name>sunshine::app::HelpRequestsView</name>
    <message>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Answer (5 working days)</source>
        <translation>答复（5 个工作日）</translation>
    </message>
    <message>
        <source>Result (10 working days)</source>
        <translation>办结（10 个工作日）</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Help requests</source>
        <translation>求助事项</translation>
    </message>
    <message>
        <source>Lookup code for the requester: %1</source>
        <translation>求助人查询码：%1</translation>
    </message>
</context>
<context>
    <name>sunshine::app::HouseholdsView</name>
    <message>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>低收入户</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <source>Quarterly income</source>
        <translation>季度收入</translation>
    </message>
    <message>
        <source>Import roster…</source>
        <translation>导入花名册…</translation>
    </message>
</context>
<context>
    <name>sunshine::app::ImportProblemsModel</name>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Bad rows</source>
        <translation>有误的行</translation>
    </message>
    <message>
        <source>-bad-rows</source>
        <translation>-有误的行</translation>
    </message>
    <message>
        <source>Export bad rows</source>
        <translation>导出有误的行</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>导出完成</translation>
    </message>
    <message numerus="yes">
        <source>%n bad row(s) written to %1.</source>
        <translation>
            <numerusform>已将 %n 行有误记录写入 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sunshine::app::IncomeProxy</name>
    <message>
        <source>no income recorded</source>
        <translation>未登记收入</translation>
    </message>
    <message numerus="yes">
        <source>%1 yuan a year for the household over %n recorded quarter(s)</source>
        <translation>
            <numerusform>按已登记的 %n 个季度计，全户年收入 %1 元</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ≥ 7,000</source>
        <translation>%1（≥7,000，超过标准）</translation>
    </message>
    <message>
        <source>Per-capita income (yuan/year)</source>
        <translation>人均年收入（元）</translation>
    </message>
</context>
<context>
    <name>sunshine::app::InspectionsView</name>
    <message>
        <source>The department that must answer for new findings</source>
        <translation>新登记问题的整改责任部门</translation>
    </message>
    <message>
        <source>Open this window&apos;s inspection…</source>
        <translation>开展本时段督查…</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>督查</translation>
    </message>
    <message>
        <source>Draw spot check</source>
        <translation>随机抽签</translation>
    </message>
    <message>
        <source>Check the draw</source>
        <translation>复核抽签</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <source>Inspection findings</source>
        <translation>督查发现</translation>
    </message>
    <message>
        <source>Coverage and draw</source>
        <translation>督查范围与抽签</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <source>No inspection window of Art. 31 is open today. The next one: full inspection of %1 from %2 to %3, spot checks from %4.</source>
        <translation>今天不在第三十一条规定的督查时段。下一时段：%1全面督查 %2 至 %3，抽查自 %4 起。</translation>
    </message>
    <message>
        <source>%1 of %2 (%3 to %4)</source>
        <translation>%2%1（%3 至 %4）</translation>
    </message>
    <message>
        <source>Open today (Art. 31): %1.</source>
        <translation>今天处于督查时段（第三十一条）：%1。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1%2</translation>
    </message>
    <message>
        <source>&lt;p&gt;Choose an inspection to see what it covers.&lt;/p&gt;</source>
        <translation>&lt;p&gt;请选择一项督查，查看其覆盖范围。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Window of Art. 31: %1 to %2.&lt;/p&gt;</source>
        <translation>&lt;p&gt;第三十一条规定的时段：%1 至 %2。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Covers %1 in %2:&lt;/b&gt; %3 payments, %4 yuan; %5 visits; %6 help requests.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;覆盖%2%1：&lt;/b&gt;资金发放 %3 笔，%4 元；走访 %5 次；求助 %6 件。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Drawn on %1&lt;/b&gt; with seed %2 from %3 villages (list digest %4).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1 抽签&lt;/b&gt;，种子 %2，从 %3 个村中抽取（名单摘要 %4）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;li&gt;%1 (%2 households): %3&lt;/li&gt;</source>
        <translation>&lt;li&gt;%1（共 %2 户）：%3&lt;/li&gt;</translation>
    </message>
    <message>
        <source>no household drawn</source>
        <translation>未抽到农户</translation>
    </message>
    <message>
        <source>&lt;p&gt;Not drawn yet: %1 villages, %2 households each.&lt;/p&gt;</source>
        <translation>&lt;p&gt;尚未抽签：抽查 %1 个村，每村 %2 户。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Conclusion (%1):&lt;/b&gt; %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;督查结论（%1）：&lt;/b&gt;%2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The server draws the villages and households now, from a random seed it keeps. A draw cannot be made again. Draw now?</source>
        <translation>服务器将以随机种子抽取村和农户，并保存种子以备复核。抽签结果不能重抽。现在抽签吗？</translation>
    </message>
    <message>
        <source>Drawn with seed %1: %2 villages. The result appears after this sync.</source>
        <translation>已抽签（种子 %1）：抽中 %2 个村。同步完成后即可看到结果。</translation>
    </message>
    <message>
        <source>Drawn again from seed %1: the same villages and households.</source>
        <translation>已用种子 %1 重新抽签：抽中的村和农户与保存的结果相同。</translation>
    </message>
    <message>
        <source>Drawn again from seed %1: the result differs from the one kept.</source>
        <translation>已用种子 %1 重新抽签：结果与保存的结果不同。</translation>
    </message>
    <message>
        <source>The villages or households drawn from have changed since the draw (units or households added or removed), so a different result is expected.</source>
        <translation>抽签后备抽的村或农户名单已有变化（有增减），因此结果不同属正常。</translation>
    </message>
</context>
<context>
    <name>sunshine::app::JournalImportDialog</name>
    <message>
        <source>Import journal</source>
        <translation>导入日记账</translation>
    </message>
    <message>
        <source>Choose the journal, then the file of its entries (.xlsx or CSV, UTF-8 or GBK, one row per entry) with a header row naming the columns %1 (or one 金额 column with 方向); optional: %2. The rows are saved in date order. Rows entered before (the same date, 凭证号, amount and direction) are skipped; rows dated before the journal&apos;s last entry are refused.</source>
        <translation>请选择日记账，再选择它的分录文件（.xlsx 或 CSV，UTF-8 或 GBK，每行一笔分录），表头列名为 %1（或一个“金额”列加“方向”列）；可选列：%2。各行按日期顺序保存。以前登记过的行（日期、凭证号、金额和方向相同）将跳过；早于该账户最后一笔分录的行将被拒绝。</translation>
    </message>
    <message>
        <source>Choose a journal file</source>
        <translation>选择日记账文件</translation>
    </message>
    <message>
        <source>Journals (*.xlsx *.csv);;Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>日记账 (*.xlsx *.csv);;Excel 文件 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Saving %n entries…</source>
        <translation>
            <numerusform>正在保存 %n 笔分录…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries imported; they are sent when the program is online.</source>
        <translation>
            <numerusform>已导入 %n 笔分录；联网后发送到服务器。</numerusform>
        </translation>
    </message>
    <message>
        <source>(choose the journal)</source>
        <translation>（请选择日记账）</translation>
    </message>
    <message>
        <source>&amp;Journal:</source>
        <translation>日记账(&amp;J)：</translation>
    </message>
    <message>
        <source>Choose the journal the file belongs to.</source>
        <translation>请选择文件所属的日记账。</translation>
    </message>
    <message>
        <source>The journal&apos;s village is not in the local data; synchronise first.</source>
        <translation>本地数据中没有该日记账所属的村；请先同步。</translation>
    </message>
    <message numerus="yes">
        <source>%n rows were out of date order; all are saved in date order.</source>
        <translation>
            <numerusform>有 %n 行未按日期顺序排列；已全部按日期顺序保存。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows were entered before and are skipped.</source>
        <translation>
            <numerusform>%n 行以前已登记，已跳过。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Import journal…</source>
        <translation>导入日记账(&amp;I)…</translation>
    </message>
</context>
<context>
    <name>sunshine::app::KindPieChart</name>
    <message>
        <source>Share per fund kind</source>
        <translation>各类资金占比</translation>
    </message>
    <message>
        <source>%1 %2%</source>
        <translation>%1 %2%</translation>
    </message>
    <message>
        <source>no money in this period</source>
        <translation>本期无资金发放</translation>
    </message>
</context>
<context>
    <name>sunshine::app::ListingStepDialog</name>
    <message>
        <source>The listing is not in the local data.</source>
        <translation>本地数据中没有这个挂牌项目。</translation>
    </message>
    <message>
        <source>Now: %1.</source>
        <translation>当前：%1。</translation>
    </message>
    <message>
        <source>The notice runs from %1 to %2.</source>
        <translation>公告期为 %1 至 %2。</translation>
    </message>
    <message>
        <source>Nothing for you to do on this listing now.</source>
        <translation>您现在对这个项目没有可办理的步骤。</translation>
    </message>
    <message>
        <source>Notice &amp;from:</source>
        <translation>公告开始(&amp;F)：</translation>
    </message>
    <message>
        <source>Result notice &amp;from:</source>
        <translation>结果公示开始(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Certificate number:</source>
        <translation>鉴证书编号(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Contract number:</source>
        <translation>合同编号(&amp;C)：</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s).</source>
        <translation>
            <numerusform>%n 个工作日。</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
</context>
<context>
    <name>sunshine::app::ListingsView</name>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Working days left</source>
        <translation>剩余工作日</translation>
    </message>
    <message>
        <source>&amp;Steps…</source>
        <translation>进程(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Bid…</source>
        <translation>报价(&amp;B)…</translation>
    </message>
    <message>
        <source>A bid is sent to the server at once and recorded there, in the order it arrives: only online, and only while the listing is bidding.</source>
        <translation>报价立即发送到服务器并按到达先后记录：只能联网进行，且只在项目竞价期间。</translation>
    </message>
    <message>
        <source>Bid</source>
        <translation>竞价</translation>
    </message>
    <message>
        <source>Choose a listing in the list first.</source>
        <translation>请先在列表中选择一个挂牌项目。</translation>
    </message>
    <message>
        <source>The server has recorded the bid. The listing shows it after this sync.</source>
        <translation>服务器已记录报价。本次同步后项目中即可看到。</translation>
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
    <message>
        <source>Sunshine assistance</source>
        <translation>阳光扶贫</translation>
    </message>
    <message>
        <source>Agricultural funds</source>
        <translation>涉农资金</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
</context>
<context>
    <name>sunshine::app::MemberAgeProxy</name>
    <message>
        <source>Gender, age</source>
        <translation>性别、年龄</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2 岁</translation>
    </message>
</context>
<context>
    <name>sunshine::app::MonthLineChart</name>
    <message>
        <source>Money per month</source>
        <translation>月度资金发放</translation>
    </message>
    <message>
        <source>Money per month, %1 against %2</source>
        <translation>月度资金发放（%1年与%2年对比）</translation>
    </message>
    <message>
        <source>M%1</source>
        <comment>month number on the axis</comment>
        <translation>%1月</translation>
    </message>
    <message>
        <source>10k yuan</source>
        <translation>万元</translation>
    </message>
</context>
<context>
    <name>sunshine::app::MonthSummaryModel</name>
    <message>
        <source>No request</source>
        <translation>未对应报备</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>支出类别</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Spent (yuan)</source>
        <translation>支出（元）</translation>
    </message>
    <message>
        <source>Refunds (yuan)</source>
        <translation>退款（元）</translation>
    </message>
    <message>
        <source>Net (yuan)</source>
        <translation>净支出（元）</translation>
    </message>
</context>
<context>
    <name>sunshine::app::MonthSummaryView</name>
    <message>
        <source>E&amp;xport summary…</source>
        <translation>导出汇总(&amp;X)…</translation>
    </message>
    <message>
        <source>Card transactions</source>
        <translation>村务卡交易</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <source>Export summary</source>
        <translation>导出汇总</translation>
    </message>
    <message>
        <source>Card spending %1.xlsx</source>
        <translation>村务卡支出 %1.xlsx</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
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
    <name>sunshine::app::PairingsView</name>
    <message>
        <source>Town</source>
        <translation>镇（街道）</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Helpers</source>
        <translation>帮扶责任人</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Pairings</source>
        <translation>结对帮扶</translation>
    </message>
    <message>
        <source>Households without a helper…</source>
        <translation>未落实帮扶责任人的户…</translation>
    </message>
    <message>
        <source>Households without a helper</source>
        <translation>未落实帮扶责任人的户</translation>
    </message>
    <message>
        <source>Household head</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Household no.</source>
        <translation>户编号</translation>
    </message>
    <message>
        <source>Pairing coverage: %1 of %2 registered households have a helper (%3%), %4 without</source>
        <translation>结对覆盖：%2 户在册户中 %1 户已落实帮扶责任人（%3%），%4 户未落实</translation>
    </message>
    <message>
        <source>Weak villages</source>
        <translation>经济薄弱村</translation>
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
    <name>sunshine::app::PdfExport</name>
    <message>
        <source>The PDF file %1 could not be written.</source>
        <translation>无法写入 PDF 文件 %1。</translation>
    </message>
</context>
<context>
    <name>sunshine::app::PortalTab</name>
    <message>
        <source>Complaints &amp;&amp; public</source>
        <translation>投诉与公开</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉举报</translation>
    </message>
    <message>
        <source>Announcements</source>
        <translation>公告</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>政策信息</translation>
    </message>
</context>
<context>
    <name>sunshine::app::PriceStatsModel</name>
    <message>
        <source>Town</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Kind of right</source>
        <translation>权利类别</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>成交</translation>
    </message>
    <message>
        <source>With area</source>
        <translation>有面积</translation>
    </message>
    <message>
        <source>Median (yuan/mu/year)</source>
        <translation>中位数（元/亩/年）</translation>
    </message>
    <message>
        <source>Lowest</source>
        <translation>最低</translation>
    </message>
    <message>
        <source>Highest</source>
        <translation>最高</translation>
    </message>
    <message>
        <source>Lower quartile</source>
        <translation>下四分位</translation>
    </message>
    <message>
        <source>Upper quartile</source>
        <translation>上四分位</translation>
    </message>
</context>
<context>
    <name>sunshine::app::PriceStatsView</name>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>The listings dealt (from the deal on), by town and kind of right. The price per mu and year is the deal price per year over the area; deals without an area are counted but not priced. The spread: the lowest and highest price, and the quartiles between which the middle half of the prices lie.</source>
        <translation>已成交项目（自成交起），按乡镇和权利类别统计。每亩每年价格为每年成交价除以面积；没有面积的成交计入笔数但不计价格。离散程度：最低价和最高价，以及中间一半价格所在的四分位区间。</translation>
    </message>
    <message>
        <source>Deal prices</source>
        <translation>成交价格</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
</context>
<context>
    <name>sunshine::app::PublicationsView</name>
    <message>
        <source>Published by</source>
        <translation>发布部门</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>On the portal</source>
        <translation>门户公开</translation>
    </message>
    <message>
        <source> (entered late, Art. 22)</source>
        <translation>（逾期录入，第二十二条）</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>发布(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>撤回(&amp;W)</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Choose one in the list first.</source>
        <translation>请先在列表中选择一条。</translation>
    </message>
    <message>
        <source>This was done on %1 already.</source>
        <translation>已于 %1 办理过。</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
</context>
<context>
    <name>sunshine::app::RecordDialog</name>
    <message>
        <source>New %1</source>
        <translation>新增%1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>修改%1</translation>
    </message>
    <message>
        <source>This record has been deleted.</source>
        <translation>该记录已被删除。</translation>
    </message>
    <message>
        <source>The server returned this change: %1</source>
        <translation>服务器退回了该修改：%1</translation>
    </message>
    <message>
        <source>Someone else changed this record meanwhile; settle the conflict in the table first.</source>
        <translation>该记录已被他人修改，请先在列表中处理冲突。</translation>
    </message>
    <message>
        <source>This %1 is entered already; edit the existing record instead.</source>
        <translation>该%1已经录入，请修改原记录。</translation>
    </message>
    <message>
        <source>The change could not be saved on this computer: %1</source>
        <translation>无法在本机保存修改：%1</translation>
    </message>
</context>
<context>
    <name>sunshine::app::RecordForm</name>
    <message>
        <source>18 characters, the last may be X</source>
        <translation>18 位，末位可以是 X</translation>
    </message>
    <message>
        <source>Amount in yuan, e.g. 1,234.56</source>
        <translation>以元为单位，例如 1,234.56</translation>
    </message>
    <message>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <source>Choose from the calendar (Alt+Down)</source>
        <translation>从日历中选择（Alt+下箭头）</translation>
    </message>
    <message>
        <source>Please choose</source>
        <translation>请选择</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>“%1”: enter a whole number, e.g. 3</source>
        <translation>“%1”：请输入整数，例如 3</translation>
    </message>
    <message>
        <source>“%1”: enter a number, e.g. 120.5</source>
        <translation>“%1”：请输入数字，例如 120.5</translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation>“%1”：%2</translation>
    </message>
    <message>
        <source>“%1”: enter a date such as 2026-03-31</source>
        <translation>“%1”：请输入日期，例如 2026-03-31</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message numerus="yes">
        <source>At most %n file(s); Insert adds, Delete removes.</source>
        <translation>
            <numerusform>最多 %n 个文件；按 Insert 添加，按 Delete 移除。</numerusform>
        </translation>
    </message>
    <message>
        <source>Add files to %1</source>
        <translation>为“%1”添加文件</translation>
    </message>
    <message>
        <source>Images and PDF (*.jpg *.jpeg *.png *.bmp *.gif *.tif *.tiff *.webp *.pdf);;All files (*)</source>
        <translation>图片和 PDF (*.jpg *.jpeg *.png *.bmp *.gif *.tif *.tiff *.webp *.pdf);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <source>At most %n file(s) can be attached here.</source>
        <translation>
            <numerusform>此处最多可附 %n 个文件。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sunshine::app::RecordListView</name>
    <message>
        <source>Search…</source>
        <translation>搜索…</translation>
    </message>
    <message>
        <source>All places</source>
        <translation>全部地区</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新增(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>No place</source>
        <translation>没有可选地区</translation>
    </message>
    <message>
        <source>The places of your area are not known yet. Connect once so the program can fetch them.</source>
        <translation>尚未获取您辖区的行政区划。请联网登录一次，程序会自动获取。</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>登记地点</translation>
    </message>
    <message>
        <source>Place of the new record:</source>
        <translation>新记录所在地区：</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出为 Excel</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>导出完成</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written to %1.</source>
        <translation>
            <numerusform>已将 %n 行写入 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sunshine::app::RecordTableModel</name>
    <message>
        <source>Synced</source>
        <translation>已同步</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>待发送</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>逾期同步</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n 个文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n 步</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved on the server</source>
        <translation>已保存到服务器</translation>
    </message>
    <message>
        <source>Saved on this computer; sent at the next sync</source>
        <translation>已保存在本机，下次同步时发送</translation>
    </message>
    <message>
        <source>The server returned this change: %1</source>
        <translation>服务器退回了该修改：%1</translation>
    </message>
    <message>
        <source>Changed by someone else meanwhile – settle the conflict: %1</source>
        <translation>已被他人修改，请处理冲突：%1</translation>
    </message>
    <message>
        <source>Recorded offline before its entry window closed and sent after it</source>
        <translation>在录入截止前离线录入，截止后才同步</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
</context>
<context>
    <name>sunshine::app::RecordsBehindDialog</name>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>sunshine::app::RectificationsView</name>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Responsible department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Rectifications</source>
        <translation>整改</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>struck off</source>
        <translation>已销号</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) late</source>
        <translation>
            <numerusform>逾期 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>剩余 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Not struck off</source>
        <translation>未销号</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Rectification reports</source>
        <translation>整改进展</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>移送</translation>
    </message>
    <message>
        <source>Accountability</source>
        <translation>问责</translation>
    </message>
</context>
<context>
    <name>sunshine::app::ReliefTab</name>
    <message>
        <source>Households</source>
        <translation>低收入户</translation>
    </message>
    <message>
        <source>Weak villages</source>
        <translation>经济薄弱村</translation>
    </message>
    <message>
        <source>Helpers and pairings</source>
        <translation>帮扶责任人与结对</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <source>Visit statistics</source>
        <translation>走访统计</translation>
    </message>
    <message>
        <source>Identification and exit</source>
        <translation>识别与退出</translation>
    </message>
    <message>
        <source>Help requests</source>
        <translation>求助事项</translation>
    </message>
</context>
<context>
    <name>sunshine::app::RentCalendarModel</name>
    <message>
        <source>due</source>
        <translation>待收</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>已收</translation>
    </message>
    <message>
        <source>in arrears</source>
        <translation>欠缴</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>承包（承租）方</translation>
    </message>
    <message>
        <source>Instalment</source>
        <translation>期次</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>应收日期</translation>
    </message>
    <message>
        <source>Due (yuan)</source>
        <translation>应收（元）</translation>
    </message>
    <message>
        <source>Received (yuan)</source>
        <translation>实收（元）</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>收款日期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>sunshine::app::RentCalendarView</name>
    <message>
        <source>All instalments</source>
        <translation>全部分期</translation>
    </message>
    <message>
        <source>In arrears</source>
        <translation>欠缴</translation>
    </message>
    <message>
        <source>Not yet due</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已收齐</translation>
    </message>
    <message>
        <source>Record &amp;payment…</source>
        <translation>登记收款(&amp;P)…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>全部村</translation>
    </message>
    <message>
        <source>Record a payment</source>
        <translation>登记收款</translation>
    </message>
    <message>
        <source>Choose an instalment in the list first.</source>
        <translation>请先在列表中选择一期租金。</translation>
    </message>
    <message>
        <source>Export the rent calendar</source>
        <translation>导出租金收缴表</translation>
    </message>
    <message>
        <source>Rent calendar.xlsx</source>
        <translation>租金收缴表.xlsx</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <source>Rent calendar</source>
        <translation>租金收缴表</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
</context>
<context>
    <name>sunshine::app::RosterImportDialog</name>
    <message>
        <source>Choose a roster (.xlsx or CSV, one row per person) with a header row naming the columns %1; optional: %2. Rows are grouped into households by village and household number.</source>
        <translation>请选择花名册（.xlsx 或 CSV，每人一行），首行为列名，须包含：%1；可选：%2。按村和户编号归户。</translation>
    </message>
    <message>
        <source>&amp;Import the valid households</source>
        <translation>导入无误的户(&amp;I)</translation>
    </message>
    <message>
        <source>Import &amp;nothing</source>
        <translation>全部不导入(&amp;N)</translation>
    </message>
    <message>
        <source>Choose a roster</source>
        <translation>选择花名册</translation>
    </message>
    <message>
        <source>Rosters (*.xlsx *.csv);;Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>花名册 (*.xlsx *.csv);;Excel 文件 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>The villages of your area are not known yet. Connect once so the program can fetch them, then import the roster.</source>
        <translation>尚未获取您辖区的村（社区）。请联网登录一次，程序获取后再导入花名册。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>worksheet “%1”</source>
        <translation>工作表“%1”</translation>
    </message>
    <message>
        <source>a CSV file in %1</source>
        <translation>%1 编码的 CSV 文件</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>正在检查各行…</translation>
    </message>
    <message numerus="yes">
        <source>%n household(s)</source>
        <translation>
            <numerusform>%n 户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) valid</source>
        <translation>
            <numerusform>%n 人无误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bad row(s)</source>
        <translation>
            <numerusform>%n 行有误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) held back with their household</source>
        <translation>
            <numerusform>%n 行因同户有误未导入</numerusform>
        </translation>
    </message>
    <message>
        <source>The roster has no rows below its header.</source>
        <translation>花名册列名下没有数据行。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) read from %1.</source>
        <translation>
            <numerusform>从%1读取 %n 行。</numerusform>
        </translation>
    </message>
    <message>
        <source>the file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Reading was cancelled; nothing was checked.</source>
        <translation>已取消读取，未做检查。</translation>
    </message>
    <message>
        <source>Importing households…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Import stopped</source>
        <translation>导入已停止</translation>
    </message>
    <message numerus="yes">
        <source>Saving on this computer failed after %n household(s): %1</source>
        <translation>
            <numerusform>已导入 %n 户后在本机保存失败：%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n household(s) were imported; import the file again later for the others (those imported will then be reported as registered).</source>
        <translation>
            <numerusform>%n 户中已导入 %1 户；其余各户请稍后重新导入该文件（已导入的人员届时会提示为已登记）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sunshine::app::StatementImportDialog</name>
    <message>
        <source>Import bank statement</source>
        <translation>导入银行对账单</translation>
    </message>
    <message>
        <source>Choose the card, then the bank&apos;s statement of it (.xlsx or CSV, UTF-8 or GBK, one row per transaction) with a header row naming the columns %1; optional: %2. Lines imported before (the same 交易流水号) are skipped; purchases are matched with the card&apos;s approved requests.</source>
        <translation>先选择村务卡，再选择银行导出的该卡对账单（.xlsx 或 CSV，UTF-8 或 GBK 编码，每行一笔交易），表头应包括 %1；可选列：%2。已导入过的交易（交易流水号相同）自动跳过；消费自动对应该卡已批准的报备。</translation>
    </message>
    <message>
        <source>Choose a bank statement</source>
        <translation>选择银行对账单</translation>
    </message>
    <message>
        <source>Statements (*.xlsx *.csv);;Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>对账单 (*.xlsx *.csv);;Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Saving %n transactions…</source>
        <translation>
            <numerusform>正在保存 %n 笔交易…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transactions imported; they are sent when the program is online.</source>
        <translation>
            <numerusform>已导入 %n 笔交易，联网时自动上传。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Card:</source>
        <translation>村务卡(&amp;C)：</translation>
    </message>
    <message>
        <source>Choose the card the statement belongs to.</source>
        <translation>请选择对账单所属的村务卡。</translation>
    </message>
    <message>
        <source>The card&apos;s village is not in the local data; synchronise first.</source>
        <translation>本机数据中没有该卡所属的村，请先同步。</translation>
    </message>
    <message numerus="yes">
        <source>%n lines were imported before and are skipped.</source>
        <translation>
            <numerusform>%n 笔交易已导入过，已跳过。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n purchases matched with approved spend requests.</source>
        <translation>
            <numerusform>%n 笔消费已对应到已批准的报备。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sunshine::app::StepDialog</name>
    <message>
        <source>Pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Return with reason</source>
        <translation>退回（须写明理由）</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>The case is not in the local data.</source>
        <translation>本机数据中没有该案件。</translation>
    </message>
    <message>
        <source>Exit of household %1</source>
        <translation>户 %1 退出</translation>
    </message>
    <message>
        <source>Identification of %1</source>
        <translation>%1 的精准识别</translation>
    </message>
    <message>
        <source>%1 — %2, year %3</source>
        <translation>%1 — %2，%3 年度</translation>
    </message>
    <message>
        <source>%1 (notice %2 – %3)</source>
        <translation>%1（公示 %2 至 %3）</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>The case was closed at the first step.</source>
        <translation>本案在第一步未通过，已终止。</translation>
    </message>
    <message>
        <source>Every step has passed: the case is finished.</source>
        <translation>各步骤均已通过，本案已办结。</translation>
    </message>
    <message>
        <source>No further step.</source>
        <translation>没有后续步骤。</translation>
    </message>
    <message>
        <source>city</source>
        <translation>市</translation>
    </message>
    <message>
        <source>county</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <source>town</source>
        <translation>镇（街道）</translation>
    </message>
    <message>
        <source>village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Next step: %1 (by a reviewer at %2 level)</source>
        <translation>下一步：%1（由%2级审核员办理）</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
</context>
<context>
    <name>sunshine::app::SupervisionTab</name>
    <message>
        <source>Supervision</source>
        <translation>监督</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>督查</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>Rectifications</source>
        <translation>整改</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>移送</translation>
    </message>
    <message>
        <source>Accountability</source>
        <translation>问责</translation>
    </message>
    <message>
        <source>Quarterly &amp;bulletin…</source>
        <translation>季度通报(&amp;B)…</translation>
    </message>
    <message>
        <source>The quarter&apos;s warnings, rectifications, referrals, inspections and accountability made public, as a PDF to hand on</source>
        <translation>本季度预警、整改、移送、督查和问责通报情况，生成 PDF 便于报送</translation>
    </message>
    <message>
        <source>Quarterly bulletin</source>
        <translation>季度通报</translation>
    </message>
    <message>
        <source>Quarter:</source>
        <translation>季度：</translation>
    </message>
    <message>
        <source>Save the bulletin</source>
        <translation>保存通报</translation>
    </message>
    <message>
        <source>%1 supervision bulletin.pdf</source>
        <translation>%1监督情况通报.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
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
    <message>
        <source>The local data could not be updated.</source>
        <translation>无法更新本机数据。</translation>
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
    <name>sunshine::app::TableImportDialog</name>
    <message>
        <source>&amp;Import the valid rows</source>
        <translation>导入无误的行(&amp;I)</translation>
    </message>
    <message>
        <source>Import &amp;nothing</source>
        <translation>全部不导入(&amp;N)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>正在检查各行…</translation>
    </message>
    <message>
        <source>worksheet “%1”</source>
        <translation>工作表“%1”</translation>
    </message>
    <message>
        <source>a CSV file in %1</source>
        <translation>%1 编码的 CSV 文件</translation>
    </message>
    <message>
        <source>%1 row(s) can be imported, %2 row(s) have errors.</source>
        <translation>%1 行可以导入，%2 行有错误。</translation>
    </message>
    <message>
        <source>The list has no rows below its header.</source>
        <translation>名单表头下没有数据行。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) read from %1.</source>
        <translation>
            <numerusform>从%1读取 %n 行。</numerusform>
        </translation>
    </message>
    <message>
        <source>the file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Checking was cancelled; nothing was imported.</source>
        <translation>已取消检查，未导入任何内容。</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>未导入任何内容：%1</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>Saving on this computer failed; nothing was imported: %1</source>
        <translation>在本机保存失败，未导入任何内容：%1</translation>
    </message>
</context>
<context>
    <name>sunshine::app::TradingTab</name>
    <message>
        <source>Property trading</source>
        <translation>产权交易</translation>
    </message>
    <message>
        <source>Listings</source>
        <translation>挂牌项目</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>成交</translation>
    </message>
    <message>
        <source>Price statistics</source>
        <translation>价格统计</translation>
    </message>
    <message>
        <source>Cadre register</source>
        <translation>村干部登记</translation>
    </message>
</context>
<context>
    <name>sunshine::app::TransactionsView</name>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Card transactions</source>
        <translation>村务卡交易</translation>
    </message>
    <message>
        <source>Matching and warnings</source>
        <translation>对应与预警</translation>
    </message>
    <message>
        <source>no request</source>
        <translation>未报备</translation>
    </message>
    <message>
        <source>request ✓</source>
        <translation>已报备</translation>
    </message>
    <message>
        <source>not claimed</source>
        <translation>未报账</translation>
    </message>
    <message>
        <source>claimed ✓</source>
        <translation>已报账</translation>
    </message>
    <message>
        <source>All transactions</source>
        <translation>全部交易</translation>
    </message>
    <message>
        <source>Spending not claimed</source>
        <translation>未报账的支出</translation>
    </message>
    <message>
        <source>Purchases without request</source>
        <translation>未报备的消费</translation>
    </message>
    <message>
        <source>With warnings</source>
        <translation>有预警的交易</translation>
    </message>
    <message>
        <source>&amp;Import statement…</source>
        <translation>导入对账单(&amp;I)…</translation>
    </message>
    <message>
        <source>cancels a purchase</source>
        <translation>冲抵消费</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
</context>
<context>
    <name>sunshine::app::UnitBarChart</name>
    <message>
        <source>Money disbursed</source>
        <translation>资金发放金额</translation>
    </message>
    <message>
        <source>Money disbursed by %1, %2</source>
        <translation>%1资金发放情况（%2）</translation>
    </message>
    <message>
        <source>Disbursed</source>
        <translation>发放金额</translation>
    </message>
    <message>
        <source>10k yuan</source>
        <translation>万元</translation>
    </message>
    <message>
        <source>no places below</source>
        <translation>无下级地区</translation>
    </message>
</context>
<context>
    <name>sunshine::app::UnitFiguresModel</name>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>%1 of %2 registered households have a helper</source>
        <translation>%2 户在册户中 %1 户已落实帮扶责任人</translation>
    </message>
    <message>
        <source>%1 of %2 pairings visited</source>
        <translation>%2 个结对中已走访 %1 个</translation>
    </message>
    <message>
        <source>Click to look at %1</source>
        <translation>单击可下钻查看%1</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Disbursed (10k yuan)</source>
        <translation>发放金额（万元）</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>发放笔数</translation>
    </message>
    <message>
        <source>Registered households</source>
        <translation>在册户数</translation>
    </message>
    <message>
        <source>Exits</source>
        <translation>退出户数</translation>
    </message>
    <message>
        <source>Pairing coverage</source>
        <translation>结对覆盖率</translation>
    </message>
    <message>
        <source>Visit coverage</source>
        <translation>走访覆盖率</translation>
    </message>
    <message>
        <source>Help requests overdue</source>
        <translation>求助逾期未办结</translation>
    </message>
    <message>
        <source>Entries overdue</source>
        <translation>逾期未录入</translation>
    </message>
    <message>
        <source>Entered late</source>
        <translation>逾期录入</translation>
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
<context>
    <name>sunshine::app::ViewLog</name>
    <message>
        <source>Unknown kind of view: %1</source>
        <translation>无法识别的查看类型：%1</translation>
    </message>
    <message>
        <source>The view names no record.</source>
        <translation>查看记录未指明数据记录。</translation>
    </message>
    <message>
        <source>Give the reason of the query.</source>
        <translation>请说明查询事由。</translation>
    </message>
    <message>
        <source>The reason may have at most %1 characters.</source>
        <translation>事由最多 %1 个字。</translation>
    </message>
    <message>
        <source>The time of the view is not valid.</source>
        <translation>查看时间无效。</translation>
    </message>
</context>
<context>
    <name>sunshine::app::VisitStatsView</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Quarter:</source>
        <translation>季度：</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇（街道）</translation>
    </message>
    <message>
        <source>Pairings</source>
        <translation>结对帮扶</translation>
    </message>
    <message>
        <source>Visited</source>
        <translation>已走访</translation>
    </message>
    <message>
        <source>Not visited</source>
        <translation>未走访</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>走访率</translation>
    </message>
    <message>
        <source>Double-click a town to list the pairings without a visit.</source>
        <translation>双击某个镇（街道）可列出未走访的结对。</translation>
    </message>
    <message>
        <source>%1: %2 of %3 pairings visited</source>
        <translation>%1：%3 个结对中已走访 %2 个</translation>
    </message>
    <message numerus="yes">
        <source>%n pairing(s) without a visit in %1:</source>
        <translation>
            <numerusform>%1 有 %n 个结对未走访：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sunshine::app::VisitsView</name>
    <message>
        <source>Helper → household</source>
        <translation>帮扶责任人 → 帮扶对象</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Late-synced</source>
        <translation>逾期同步</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <source>Quarter:</source>
        <translation>季度：</translation>
    </message>
    <message>
        <source>This quarter&apos;s visits: %1 to %2; entry closes on %3.</source>
        <translation>本季度走访时间：%1 至 %2；%3 起停止录入。</translation>
    </message>
</context>
<context>
    <name>sunshine::app::WarningBoardView</name>
    <message>
        <source>Place</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Lateness</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未销号</translation>
    </message>
    <message>
        <source>Escalated (督办)</source>
        <translation>督办中</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>All rules</source>
        <translation>全部规则</translation>
    </message>
    <message>
        <source>Warnings of your area: %1</source>
        <translation>本辖区预警：%1</translation>
    </message>
</context>
<context>
    <name>sunshine::app::WarningDetailView</name>
    <message>
        <source>Evidence (as found when the warning was raised):</source>
        <translation>证据快照（预警生成时的情况）：</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Handling:</source>
        <translation>办理记录：</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>发放</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 yuan · %4</source>
        <translation>%1 · %2 · %3 元 · %4</translation>
    </message>
    <message>
        <source>Records behind it</source>
        <translation>涉及记录数</translation>
    </message>
    <message>
        <source>Choose a warning in the list.</source>
        <translation>请在左侧列表中选择一条预警。</translation>
    </message>
    <message>
        <source>Rule: %1 (%2)</source>
        <translation>规则：%1（%2）</translation>
    </message>
    <message>
        <source>Place: %1 · owner: %2</source>
        <translation>地区：%1 · 责任部门：%2</translation>
    </message>
    <message>
        <source>Raised %1 · reply by %2 · result by %3</source>
        <translation>%1 生成 · %2 前签收 · %3 前办结</translation>
    </message>
    <message>
        <source>State: %1%2%3</source>
        <translation>状态：%1%2%3</translation>
    </message>
    <message>
        <source> · assigned to %1</source>
        <translation> · 承办人 %1</translation>
    </message>
    <message>
        <source>Escalated (督办) on %1 to %2</source>
        <translation>%1 起由%2督办</translation>
    </message>
    <message>
        <source>Copied to the discipline commission (纪委)</source>
        <translation>已抄送纪委监委</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>派给 %1</translation>
    </message>
</context>
<context>
    <name>sunshine::app::WarningRuleDialog</name>
    <message>
        <source>Default: %1</source>
        <translation>默认值：%1</translation>
    </message>
    <message>
        <source>This rule has no parameters.</source>
        <translation>此规则没有可设置的参数。</translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation>正在评估…</translation>
    </message>
    <message>
        <source>Today it finds %1: %2 raised before, %3 new.</source>
        <translation>按今天的数据可发现 %1 项：已生成过 %2 项，新增 %3 项。</translation>
    </message>
    <message>
        <source>Nothing new would be raised.</source>
        <translation>按这些参数不会新增预警。</translation>
    </message>
</context>
<context>
    <name>sunshine::app::WarningRulesModel</name>
    <message>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>What it finds</source>
        <translation>发现什么</translation>
    </message>
</context>
<context>
    <name>sunshine::app::WarningRulesView</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Set rule…</source>
        <translation>设置规则(&amp;S)…</translation>
    </message>
    <message>
        <source>Run all rules &amp;now</source>
        <translation>立即全量运行(&amp;N)</translation>
    </message>
    <message>
        <source>The rules could not be read: %1</source>
        <translation>无法读取预警规则：%1</translation>
    </message>
    <message>
        <source>Reply within %1 working days, result within %2. Waiting to be evaluated: %3.</source>
        <translation>签收期限 %1 个工作日，办结期限 %2 个工作日。待评估记录：%3 条。</translation>
    </message>
    <message>
        <source>Last full run %1: %2 found, %3 new, %4 escalated.</source>
        <translation>最近一次全量运行 %1：发现 %2 项，新生成 %3 条，督办 %4 条。</translation>
    </message>
    <message>
        <source>Run not made</source>
        <translation>未能运行</translation>
    </message>
    <message>
        <source>Run made</source>
        <translation>运行完成</translation>
    </message>
    <message>
        <source>%1 records read, %2 found, %3 new warnings, %4 escalated. They reach every program with its next sync.</source>
        <translation>读取 %1 条记录，发现 %2 项，新生成预警 %3 条，督办 %4 条。各客户端下次同步后即可看到。</translation>
    </message>
    <message>
        <source>&amp;Handling deadlines…</source>
        <translation>办理期限(&amp;H)…</translation>
    </message>
</context>
<context>
    <name>sunshine::app::WarningStepDialog</name>
    <message>
        <source>Assign the warning to the person who checks it.</source>
        <translation>将预警派发给负责核实的承办人。</translation>
    </message>
    <message>
        <source>Sign for the warning and start checking the facts.</source>
        <translation>签收预警，开始核实情况。</translation>
    </message>
    <message>
        <source>Record what the check found: a data correction needs evidence attached to the warning; a false alarm needs its reason.</source>
        <translation>填写核实结果：数据纠错须附佐证材料；认定误报须写明理由。</translation>
    </message>
    <message>
        <source>Review the outcome and close (销号) the warning.</source>
        <translation>复核处理结果，同意后销号。</translation>
    </message>
    <message>
        <source>Return the outcome for further checking, with the reason.</source>
        <translation>退回处理结果，继续核实，并写明理由。</translation>
    </message>
    <message>
        <source>The warning is not in the local data.</source>
        <translation>本地数据中没有这条预警。</translation>
    </message>
    <message>
        <source>No evidence attached yet: attach it in the warning&apos;s form first.</source>
        <translation>尚未上传佐证材料：请先在预警表单中上传附件。</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
    <message>
        <source>Discipline commission (纪委监委)</source>
        <translation>纪委监委</translation>
    </message>
    <message>
        <source>Judicial organs (司法机关)</source>
        <translation>司法机关</translation>
    </message>
</context>
<context>
    <name>sunshine::app::WarningsTab</name>
    <message>
        <source>Warnings</source>
        <translation>分析预警</translation>
    </message>
    <message>
        <source>Warning board</source>
        <translation>预警看板</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>预警规则</translation>
    </message>
</context>
</TS>
