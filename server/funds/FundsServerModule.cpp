#include "server/api/Services.h"
#include "server/funds/FundDemo.h"
#include "server/funds/FundLineService.h"
#include "server/funds/FundRoutes.h"
#include "server/funds/PublicPaymentList.h"
#include "server/funds/SummaryUpdater.h"
#include "server/module/ServerModule.h"

#include <QTextStream>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

namespace {

// The fund summaries, kept in each push's transaction: each touched record's old contribution out, its new
// one in.
class FundSummaryHook final : public PushHook
{
public:
    bool concerns(const QString &type) const override { return SummaryUpdater::concerns(type); }
    void apply(Store &store, const QList<QPair<RecordSnapshot, RecordSnapshot>> &changes) const override
    {
        SummaryUpdater summaries(store);
        for (const auto &change : changes)
            summaries.change(&change.first, &change.second);
        summaries.flush();
    }
};

// summary-check: the summary tables against the raw rows; exit 1 when they differ.
int summaryCheck(Store &store, QTextStream &out, QTextStream &err)
{
    try {
        qint64 differences = 0, records = 0;
        const QStringList lines = SummaryUpdater::check(store, 200, &differences, &records);
        if (differences == 0) {
            out << u"汇总表与原始记录一致：已核对 %1 条资金记录。"_s.arg(records) << Qt::endl;
            out << u"summaries match the raw rows: %1 fund records read"_s.arg(records) << Qt::endl;
            return 0;
        }
        for (const QString &l : lines)
            err << l << Qt::endl;
        if (differences > lines.size())
            err << u"... and %1 more"_s.arg(differences - lines.size()) << Qt::endl;
        err << u"汇总表与原始记录不一致：%1 处差异（已核对 %2 条资金记录），可用 summary-rebuild 重建。"_s
                   .arg(differences)
                   .arg(records)
            << Qt::endl;
        return 1;
    } catch (const StoreError &e) {
        err << u"无法核对汇总表：%1"_s.arg(QString::fromUtf8(e.what())) << Qt::endl;
        return 2;
    }
}

int summaryRebuild(Store &store, QTextStream &out, QTextStream &err)
{
    try {
        const qint64 records = SummaryUpdater::rebuild(store);
        out << u"已根据 %1 条资金记录重建汇总表。"_s.arg(records) << Qt::endl;
        return 0;
    } catch (const StoreError &e) {
        err << u"重建汇总表失败：%1"_s.arg(QString::fromUtf8(e.what())) << Qt::endl;
        return 2;
    }
}

class FundsServerModule final : public ServerModule
{
public:
    void migrated(Store &store, int from, int to) override
    {
        SummaryUpdater::rebuildAfterMigration(store, from, to);
    }
    const PushHook *pushHook() const override { return &m_summaries; }
    void start(Services &services) override
    {
        m_fundLines = std::make_unique<FundLineService>(services.store, services.audit, services.clock);
        m_fundLines->install(); // the added fund lines join the catalog in force
    }
    void stop() override
    {
        if (m_fundLines)
            m_fundLines->uninstall();
    }
    void loadDemo(Services &services) override
    {
        FundDemo::loadIfEmpty(services.store, services.clock, services.audit, services.files);
    }
    void registerRoutes(Router &router, Services &services) override
    {
        registerDashboardRoutes(router, services);
        if (m_fundLines)
            registerFundLineRoutes(router, services, *m_fundLines);
    }
    QList<PublicList> publicLists(Services &services) const override
    {
        return {publicPaymentList(services.store)};
    }
    QList<Command> commands() const override
    {
        return {{u"summary-check"_s,
                 u"recompute the fund summaries from the raw records; exit 1 on any difference"_s,
                 &summaryCheck, true},
                {u"summary-rebuild"_s, u"rewrite the fund summaries from the raw records"_s, &summaryRebuild,
                 false}};
    }

private:
    FundSummaryHook m_summaries;
    std::unique_ptr<FundLineService> m_fundLines;
};

} // namespace

namespace modules::funds {

void registerServer(ServerModules &registry)
{
    registry.add([] { return std::make_unique<FundsServerModule>(); });
}

} // namespace modules::funds

} // namespace sunshine
