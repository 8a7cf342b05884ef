#include "server/portal/PortalDemo.h"

#include "common/core/ChinaTime.h"
#include "common/core/WorkingCalendar.h"
#include "common/portal/ComplaintType.h"
#include "common/portal/PublicationTypes.h"
#include "server/api/Services.h"
#include "server/demo/DemoPush.h"
#include "server/demo/DemoRecordWriter.h"

#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

namespace {

using namespace portal;

const QString kCity = u"320600000000"_s;
const QString kCounty = u"320612000000"_s;
const QString kCityPath = u"/320600000000/"_s;
const QString kCountyPath = u"/320600000000/320612000000/"_s;

QString iso(QDate d)
{
    return d.toString(Qt::ISODate);
}

struct DemoComplaint
{
    const char16_t *subject;
    const char16_t *category;
    const char16_t *channel;
    const char16_t *complainant; // empty: anonymous
    const char16_t *content;
    int receivedDaysAgo;
    // The steps taken, each `daysAgo` before today.
    struct Step
    {
        ComplaintAction action;
        int daysAgo;
        const char16_t *note;
        const char16_t *department; // Assign: the code of a department of the unit
    };
    QList<Step> steps;
};

QList<DemoComplaint> demoComplaints()
{
    using A = ComplaintAction;
    return {
        {u"村里低保评定不公开",
         u"identification",
         u"portal",
         u"",
         u"我们村今年低保户评定没有张榜公示，希望核查。",
         0,
         {}},
        {u"养殖补贴迟迟未发",
         u"funds",
         u"phone",
         u"陈建国",
         u"去年申报的生猪养殖补贴到现在没有发放，村里说上面没拨款。",
         3,
         {{A::Accept, 2, u"", u""}}},
        {u"耕地地力保护补贴金额有误",
         u"funds",
         u"portal",
         u"王秀兰",
         u"我家承包地 6.5 亩，补贴按 4 亩发放，少发了。",
         25,
         {{A::Accept, 24, u"", u""}, {A::Assign, 20, u"", u"agriculture"}}},
        {u"帮扶干部从未上门",
         u"assistance",
         u"letter",
         u"",
         u"结对帮扶干部一年没来过，走访记录可能是编的。",
         18,
         {{A::Accept, 17, u"", u""},
          {A::Assign, 16, u"", u"civil-affairs"},
          {A::Reply, 13, u"已收到，正在调取走访记录核实。", u""}}},
        {u"村道硬化工程质量差",
         u"project",
         u"portal",
         u"刘强",
         u"去年新修的村道已经开裂，怀疑偷工减料。",
         40,
         {{A::Accept, 39, u"", u""},
          {A::Assign, 38, u"", u"housing"},
          {A::Reply, 35, u"已安排现场查看。", u""},
          {A::Conclude, 28, u"经现场检测，局部路面开裂系冻融所致，施工单位已于保修期内返修。", u""},
          {A::Approve, 27, u"", u""},
          {A::Feedback, 26, u"您反映的村道开裂问题已核实，施工单位已返修完毕，欢迎继续监督。", u""}}},
        {u"重复举报已处理事项",
         u"other",
         u"visit",
         u"",
         u"反映的事项与已办结的投诉相同。",
         12,
         {{A::Decline, 11, u"该事项已于上月办结并反馈，无新的事实和理由，不予重复受理。", u""}}},
    };
}

} // namespace

void PortalDemo::loadIfEmpty(Services &services)
{
    {
        SqlQuery any(services.store,
                     u"SELECT COUNT(*) FROM records WHERE type IN ('complaint', 'announcement')"_s);
        any.exec();
        if (any.next() && any.int64(0) > 0)
            return;
    }
    const QDate today = chinaDateOf(services.clock.nowMs());
    const qint64 now = services.clock.nowMs();
    const WorkingCalendar &calendar = WorkingCalendar::current();
    const QString cityOffice = kCity + u"-poverty-office"_s;
    const QString countyOffice = kCounty + u"-poverty-office"_s;
    Transaction tx(services.store);

    // Announcements (Art. 23) and policies (Art. 22), published by their reviewers as a push would.
    DemoPush push(services);
    const AuthSession cityReviewer =
        demoActor(u"city-reviewer"_s, Role::Reviewer, kCity, kCityPath, cityOffice);
    const QString announcement = QString::fromUtf16(AnnouncementType::kName);
    push.put(
        cityReviewer, announcement, {}, kCity, cityOffice,
        {{u"title"_s, u"关于开展 2026 年度建档立卡低收入户动态调整工作的通知"_s},
         {u"category"_s, u"notice"_s},
         {u"body"_s,
          u"各县（市、区）扶贫办：\n根据《南通市阳光扶贫监管系统运行管理办法》第九条，现启动年度动态调整工作"
          u"。"
          u"农户可向所在村委会提出申请，经村民小组评议、村内公示、镇级审核公示、部门比对和县级审批后纳入。"
          u"公示期间如有异议，可向村委会或镇政府反映，也可通过本平台举报投诉。"_s},
         {u"publishedOn"_s, iso(today.addDays(-6))}});
    push.put(
        cityReviewer, announcement, {}, kCity, cityOffice,
        {{u"title"_s, u"阳光扶贫“一站式”举报投诉服务指南"_s},
         {u"category"_s, u"activity"_s},
         {u"body"_s,
          u"对扶贫资金发放、帮扶措施落实、干部作风等问题，可在本平台实名或匿名举报投诉。"
          u"提交后请保存查询码，承办部门收到交办单后 5 个工作日内回复、10 个工作日内办结（第二十一条、第二十四条）。"_s},
         {u"publishedOn"_s, iso(today.addDays(-30))}});
    push.put(cityReviewer, announcement, {}, kCity, cityOffice,
             {{u"title"_s, u"第三季度扶贫资金发放情况通报（草稿）"_s},
              {u"category"_s, u"news"_s},
              {u"body"_s, u"待审核后发布。"_s}});
    const QString policy = QString::fromUtf16(PolicyType::kName);
    const struct
    {
        const char16_t *unit;
        const char16_t *department;
        const char16_t *kind;
        const char16_t *title;
        const char16_t *body;
        int daysAgo;
    } policies[] = {
        {u"320600000000", u"civil-affairs", u"conditions", u"最低生活保障申请条件",
         u"家庭人均收入低于当地最低生活保障标准，且家庭财产状况符合规定的，可以申请最低生活保障。", 12},
        {u"320600000000", u"poverty-office", u"procedure", u"建档立卡低收入户认定流程",
         u"农户申请 → 村民小组评议 → 村委会审核 → 村内公示（不少于 5 天）→ 镇级审核并公示 → 部门比对 → "
         u"县级审批。",
         20},
        {u"320612000000", u"education", u"answer", u"义务教育助学金常见问题解答",
         u"问：助学金如何发放？答：按学期发放至学生家长“一折通”账户，不收取任何费用。", 8},
    };
    for (const auto &p : policies) {
        const QString unit = QString::fromUtf16(p.unit);
        const QString dept = unit + u'-' + QString::fromUtf16(p.department);
        const QString path = unit == kCity ? kCityPath : kCountyPath;
        const AuthSession reviewer = demoActor(u"policy-reviewer"_s, Role::Reviewer, unit, path, dept);
        const QDate completed = today.addDays(-p.daysAgo - 3);
        push.put(reviewer, policy, {}, unit, dept,
                 {{u"title"_s, QString::fromUtf16(p.title)},
                  {u"kind"_s, QString::fromUtf16(p.kind)},
                  {u"body"_s, QString::fromUtf16(p.body)},
                  {u"completedOn"_s, iso(completed)},
                  {u"publishedOn"_s, iso(today.addDays(-p.daysAgo))}});
    }

    // Complaints with their histories as they were taken on their days: written as a push leaves them.
    const auto &type = sync::RecordTypes::get<ComplaintType>();
    DemoRecordWriter writer(services.store);
    for (const DemoComplaint &c : demoComplaints()) {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QJsonObject f{{u"channel"_s, QString::fromUtf16(c.channel)},
                      {u"category"_s, QString::fromUtf16(c.category)},
                      {u"subject"_s, QString::fromUtf16(c.subject)},
                      {u"content"_s, QString::fromUtf16(c.content)},
                      {u"place"_s, u"通州区"_s},
                      {u"receivedOn"_s, iso(today.addDays(-c.receivedDaysAgo))},
                      {u"lookupCode"_s, complaintLookupCode(id)}};
        const QString complainant = QString::fromUtf16(c.complainant);
        f.insert(u"anonymous"_s, complainant.isEmpty());
        if (!complainant.isEmpty()) {
            f.insert(u"complainantName"_s, complainant);
            f.insert(u"complainantPhone"_s, u"13805131234"_s);
        }
        QJsonArray steps;
        for (const DemoComplaint::Step &s : c.steps) {
            ComplaintStep step;
            step.action = s.action;
            step.on = today.addDays(-s.daysAgo);
            step.byUserId = u"demo-county-reviewer"_s;
            step.person = u"办公室（演示）"_s;
            step.note = QString::fromUtf16(s.note);
            if (s.department[0] != 0)
                step.department = kCounty + u'-' + QString::fromUtf16(s.department);
            steps.append(step.toJson());
        }
        if (!steps.isEmpty())
            f.insert(u"steps"_s, steps);
        sync::RuleContext context;
        context.today = today;
        context.entryDay = today;
        context.calendar = &calendar;
        const QJsonObject before = f; // every step is as taken: none is stamped again
        context.before = &before;
        type.derive(f, context);
        writer.add(type.name(), id, kCounty, kCountyPath, countyOffice, f, u"demo-county-reviewer"_s, now);
    }
    writer.finish();
    tx.commit();
}

} // namespace sunshine
