#include "server/warnings/WarningDemo.h"

#include "common/warnings/WarningType.h"
#include "common/warnings/WarningWorkflow.h"
#include "server/api/Services.h"
#include "server/demo/DemoPush.h"
#include "server/warnings/WarningEngine.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

namespace {

using warnings::Action;
using warnings::Outcome;
using warnings::WarningStep;

const QString kCountyPath = u"/320600000000/320612000000/"_s;

WarningStep step(Action action, const QString &person)
{
    WarningStep s;
    s.action = action;
    s.person = person;
    return s;
}

// Appends one step to a warning as `actor` would push it.
void append(Services &services, const AuthSession &actor, const QString &id, const WarningStep &next)
{
    SqlQuery q(services.store,
               u"SELECT org_unit_id, department_id, version, data FROM records WHERE id = ?"_s);
    q.bindText(id).exec();
    if (!q.next())
        return;
    QJsonArray steps = QJsonDocument::fromJson(q.text(3).toUtf8()).object().value(u"steps"_s).toArray();
    steps.append(next.toJson());
    const QJsonObject op = WarningEngine::warningOp(u"demo-"_s + id + u'-' + QString::number(steps.size()),
                                                    id, q.text(0), q.text(1), q.int64(2),
                                                    QJsonObject{{u"steps"_s, steps}}, services.clock.nowMs());
    const QList<sync::OpResult> r =
        services.sync.pushWithin(actor, QJsonArray{op}, services.clock.nowMs(), u"demo"_s);
    if (r.isEmpty() || r.first().status != sync::OpStatus::Applied)
        qWarning("demo warning step not taken: %s", r.isEmpty() ? "" : qPrintable(r.first().message));
}

} // namespace

void WarningDemo::loadIfEmpty(Services &services)
{
    {
        SqlQuery any(services.store, u"SELECT COUNT(*) FROM records WHERE type = 'warning'"_s);
        any.exec();
        if (any.next() && any.int64(0) > 0)
            return;
    }
    WarningEngine engine(services.store, services.audit, services.clock, services.sync);
    engine.drainQueue();
    engine.runFull();

    QStringList ids;
    {
        SqlQuery q(services.store,
                   u"SELECT id FROM records WHERE type = 'warning' AND org_path LIKE ? ORDER BY id"_s);
        q.bindText(kCountyPath + u'%').exec();
        while (q.next())
            ids.append(q.text(0));
    }
    const AuthSession reviewer = demoActor(u"county-reviewer"_s, Role::Reviewer, u"320612000000"_s,
                                           kCountyPath, u"320612000000-poverty-office"_s);
    const AuthSession clerk = demoActor(u"county-clerk"_s, Role::Clerk, u"320612000000"_s, kCountyPath,
                                        u"320612000000-agriculture"_s);
    const QString reviewerName = u"王审核"_s;
    const QString clerkName = u"李经办"_s;
    Transaction tx(services.store);
    // ids[0] stays new; each next one goes one state further.
    for (qsizetype i = 1; i < ids.size() && i <= 5; ++i) {
        const QString &id = ids.at(i);
        WarningStep assign = step(Action::Assign, reviewerName);
        assign.assignee = clerkName;
        append(services, reviewer, id, assign);
        if (i == 1)
            continue;
        WarningStep reply = step(Action::Reply, clerkName);
        reply.note = u"已签收，正在核对原始凭证和发放名单"_s;
        append(services, clerk, id, reply);
        if (i == 2)
            continue;
        WarningStep decide = step(Action::Decide, clerkName);
        // The outcomes of rectification and referral create their records on the server (consequences).
        decide.outcome = i == 3 ? Outcome::FalseAlarm : i == 4 ? Outcome::Rectifying : Outcome::Referred;
        decide.note = i == 3 ? u"经核实，两笔发放分属不同批次的补发，有批复文件，不属于重复发放"_s
                      : i == 4 ? u"经核实属实，已责令村委会三个工作日内补录并说明逾期原因"_s
                               : u"经核实，村报账员涉嫌虚报冒领，移送纪委监委处理"_s;
        if (i == 5)
            decide.referTo = u"discipline"_s;
        append(services, clerk, id, decide);
        if (i == 3)
            continue;
        append(services, reviewer, id, step(Action::Close, reviewerName));
    }
    tx.commit();
}

} // namespace sunshine
