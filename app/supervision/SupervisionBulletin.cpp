#include "app/supervision/SupervisionBulletin.h"

#include "app/records/PdfExport.h"
#include "app/supervision/SupervisionQueries.h"
#include "app/sync/ClientSession.h"
#include "app/warnings/WarningQueries.h"
#include "common/core/ChinaTime.h"
#include "common/core/Money.h"
#include "common/rules/Rules.h"
#include "common/supervision/InspectionTypes.h"
#include "common/supervision/RectificationTypes.h"
#include "common/warnings/WarningType.h"
#include "common/warnings/WarningWorkflow.h"

#include <QMap>
#include <QTextDocument>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

using namespace cachequery;

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

// Records of `type` whose date `field` lies in the quarter.
CacheCondition within(const QString &field, Quarter q)
{
    return compare(cachequery::field(field), u">="_s, q.firstDay().toString(Qt::ISODate)) &&
           compare(cachequery::field(field), u"<="_s, q.lastDay().toString(Qt::ISODate));
}

QString table(const QStringList &headers, const QList<QStringList> &rows)
{
    QString html = u"<table border='1' cellspacing='0' cellpadding='4' width='100%'><tr>"_s;
    for (const QString &h : headers)
        html += u"<th bgcolor='#e8eef6'>"_s + esc(h) + u"</th>"_s;
    html += u"</tr>"_s;
    for (const QStringList &r : rows) {
        html += u"<tr>"_s;
        for (const QString &c : r)
            html += u"<td>"_s + esc(c) + u"</td>"_s;
        html += u"</tr>"_s;
    }
    return html + u"</table>"_s;
}

} // namespace

QString SupervisionBulletin::html(Quarter q) const
{
    const LocalCache &cache = m_session.cache();
    const QString warning = QString::fromUtf16(warnings::WarningType::kName);
    const QString rectification = QString::fromUtf16(supervision::RectificationType::kName);
    const QString referral = QString::fromUtf16(supervision::ReferralType::kName);
    const QString accountability = QString::fromUtf16(supervision::AccountabilityType::kName);
    const QString inspection = QString::fromUtf16(supervision::InspectionType::kName);
    const QDate today = chinaDateOf(m_session.clock().nowMs());
    const QDate asOf = qMin(today, q.lastDay());

    QString html = u"<h2 align='center'>%1</h2>"_s.arg(
        esc(tr("%1 %2: bulletin on poverty-relief supervision")
                .arg(m_session.orgUnitName(m_session.user().orgUnitId), q.chineseName())));
    html += u"<p align='center'>%1</p>"_s.arg(
        esc(tr("From the data on this computer as of %1 · compiled by %2 on %3")
                .arg(asOf.toString(Qt::ISODate), m_session.user().displayName, today.toString(Qt::ISODate))));

    // 1. Warnings: raised in the quarter per rule, with how many are closed, still open and escalated.
    html += u"<h3>%1</h3>"_s.arg(esc(tr("1. Warnings")));
    QList<QStringList> rows;
    const CacheCondition inQuarter = within(u"raisedOn"_s, q);
    // Per rule: raised, closed (销号) and escalated (督办, the same condition as the board's).
    const auto perRule = [&](const CacheCondition &condition) {
        QMap<QString, qint64> counts;
        CacheQuery(cache, warning)
            .where(inQuarter && condition)
            .forEach(
                {field(u"rule"_s), count()},
                [&](const QSqlQuery &r) { counts.insert(r.value(0).toString(), r.value(1).toLongLong()); },
                1);
        return counts;
    };
    const QMap<QString, qint64> raisedBy = perRule({});
    const QMap<QString, qint64> closedBy =
        perRule(equals(field(u"state"_s), warnings::stateName(warnings::WarningState::Closed)));
    const QMap<QString, qint64> escalatedBy = perRule(warningquery::escalated());
    qint64 raised = 0, closed = 0, escalated = 0;
    for (auto it = raisedBy.constBegin(); it != raisedBy.constEnd(); ++it) {
        const rules::Rule *rule = rules::RuleRegistry::find(it.key());
        const qint64 c = closedBy.value(it.key());
        rows.append({rule ? rule->chineseName() : it.key(), QString::number(it.value()), QString::number(c),
                     QString::number(it.value() - c), QString::number(escalatedBy.value(it.key()))});
        raised += it.value();
        closed += c;
        escalated += escalatedBy.value(it.key());
    }
    const qint64 open = raised - closed;
    html += u"<p>%1</p>"_s.arg(
        esc(tr("%1 warnings were raised in the quarter: %2 closed, %3 still open, %4 of them "
               "escalated (督办).")
                .arg(raised)
                .arg(closed)
                .arg(open)
                .arg(escalated)));
    if (!rows.isEmpty())
        html += table({tr("Rule"), tr("Raised"), tr("Closed"), tr("Open"), tr("Escalated")}, rows);

    // 2. Rectifications.
    html += u"<h3>%1</h3>"_s.arg(esc(tr("2. Rectifications")));
    const qint64 ordered = CacheQuery(cache, rectification).where(within(u"orderedOn"_s, q)).count();
    const qint64 struck = CacheQuery(cache, rectification).where(within(u"closedOn"_s, q)).count();
    const qint64 openNow =
        CacheQuery(cache, rectification).where(supervisionquery::openRectifications()).count();
    const qint64 late =
        CacheQuery(cache, rectification).where(supervisionquery::overdueRectifications(asOf)).count();
    html += u"<p>%1</p>"_s.arg(
        esc(tr("%1 rectifications were ordered in the quarter and %2 struck off; %3 are not "
               "struck off, %4 of them past their deadline on %5.")
                .arg(ordered)
                .arg(struck)
                .arg(openNow)
                .arg(late)
                .arg(asOf.toString(Qt::ISODate))));
    rows.clear();
    CacheQuery(cache, rectification)
        .where(supervisionquery::overdueRectifications(asOf))
        .orderBy(field(u"dueOn"_s))
        .limit(50)
        .forEach({kOrgUnit, field(u"title"_s), field(u"dueOn"_s), field(u"requirement"_s)},
                 [&](const QSqlQuery &r) {
                     rows.append({m_session.orgUnitName(r.value(0).toString()), r.value(1).toString(),
                                  r.value(2).toString(), r.value(3).toString().left(80)});
                 });
    if (!rows.isEmpty())
        html += table({tr("Unit"), tr("Rectification"), tr("Deadline"), tr("Requirement")}, rows);

    // 3. Referrals.
    html += u"<h3>%1</h3>"_s.arg(esc(tr("3. Referrals")));
    const qint64 sent = CacheQuery(cache, referral).where(within(u"sentOn"_s, q)).count();
    const qint64 concluded = CacheQuery(cache, referral).where(within(u"concludedOn"_s, q)).count();
    html += u"<p>%1</p>"_s.arg(esc(
        tr("%1 cases were referred in the quarter; %2 referrals were concluded.").arg(sent).arg(concluded)));

    // 4. Inspections.
    html += u"<h3>%1</h3>"_s.arg(esc(tr("4. Inspections")));
    rows.clear();
    const sync::FieldSpec kindSpec = *sync::RecordTypes::get<supervision::InspectionType>().field(u"kind"_s);
    CacheQuery(cache, inspection)
        .where(within(u"startedOn"_s, q))
        .orderBy(field(u"startedOn"_s))
        .forEach({field(u"title"_s), field(u"kind"_s), field(u"startedOn"_s), field(u"conclusion"_s)},
                 [&](const QSqlQuery &r) {
                     rows.append({r.value(0).toString(), kindSpec.choiceLabel(r.value(1).toString()),
                                  r.value(2).toString(), r.value(3).toString()});
                 });
    html += rows.isEmpty() ? u"<p>%1</p>"_s.arg(esc(tr("No inspection in the quarter.")))
                           : table({tr("Inspection"), tr("Kind"), tr("Started"), tr("Conclusion")}, rows);

    // 5. Accountability made public (通报曝光).
    html += u"<h3>%1</h3>"_s.arg(esc(tr("5. Accountability made public")));
    rows.clear();
    const auto &type = sync::RecordTypes::get<supervision::AccountabilityType>();
    const sync::FieldSpec grounds = *type.field(u"grounds"_s);
    const sync::FieldSpec form = *type.field(u"form"_s);
    const qint64 decided = CacheQuery(cache, accountability).where(within(u"decidedOn"_s, q)).count();
    CacheQuery(cache, accountability)
        .where(within(u"publishedOn"_s, q))
        .orderBy(field(u"publishedOn"_s))
        .forEach({field(u"person"_s), field(u"post"_s), field(u"unitName"_s), field(u"grounds"_s),
                  field(u"form"_s), field(u"summary"_s), field(u"leadersExamined"_s)},
                 [&](const QSqlQuery &r) {
                     rows.append({r.value(0).toString(), r.value(1).toString(), r.value(2).toString(),
                                  grounds.choiceLabel(r.value(3).toString()),
                                  form.choiceLabel(r.value(4).toString()), r.value(5).toString(),
                                  r.value(6).toBool() ? tr("yes") : QString()});
                 });
    html += u"<p>%1</p>"_s.arg(
        esc(tr("%1 accountability decisions in the quarter; %2 made public:").arg(decided).arg(rows.size())));
    if (!rows.isEmpty())
        html += table({tr("Person"), tr("Post"), tr("Unit"), tr("Grounds"), tr("Form"), tr("What happened"),
                       tr("Leaders examined (一案双查)")},
                      rows);
    return html;
}

std::unique_ptr<QTextDocument> SupervisionBulletin::document(Quarter quarter) const
{
    auto doc = std::make_unique<QTextDocument>();
    doc->setDefaultStyleSheet(u"body { font-size: 10pt; } h2 { font-size: 16pt; } h3 { font-size: 12pt; }"_s);
    doc->setHtml(html(quarter));
    return doc;
}

bool SupervisionBulletin::writePdf(Quarter quarter, const QString &path, QString *error) const
{
    const std::unique_ptr<QTextDocument> doc = document(quarter);
    return app::writePdf(*doc, path,
                         tr("%1 %2 supervision bulletin")
                             .arg(m_session.orgUnitName(m_session.user().orgUnitId), quarter.chineseName()),
                         error);
}

} // namespace sunshine::app
