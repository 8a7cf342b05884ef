#include "app/card/CardRecordViews.h"

#include "app/card/CardQueries.h"
#include "app/card/CardStepDialog.h"
#include "app/card/ClaimTransactionsDialog.h"
#include "app/records/RecordDialog.h"
#include "app/records/RecordForm.h"
#include "app/records/RecordListView.h"
#include "app/shell/DialogHook.h"
#include "app/shell/MessageBox.h"
#include "app/sync/ClientSession.h"
#include "common/card/CardTypes.h"

#include <QCoreApplication>
#include <QPushButton>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

using namespace card;

namespace {

class CardRecordViews
{
    Q_DECLARE_TR_FUNCTIONS(CardRecordViews)
};

// The cards a new request or claim may name: the active cards of the place chosen.
void offerCards(ClientSession &session, RecordListView &view)
{
    view.setDialogHook([&session](RecordDialog &dialog, const sync::Placement &placement) {
        dialog.form()->setReferenceChoices(
            u"cardId"_s, cardquery::cardChoices(session.cache(), placement.orgUnitId, true));
    });
}

void stepOnCurrent(ClientSession &session, RecordListView *view, CardStepDialog::Kind kind)
{
    const QString id = view->currentRecordId();
    if (id.isEmpty()) {
        MessageBox::information(view, CardRecordViews::tr("Record a step"),
                                CardRecordViews::tr("Choose a row in the list first."));
        return;
    }
    CardStepDialog dialog(session, kind, id, view);
    if (DialogHook<CardStepDialog>::run(dialog) == QDialog::Accepted)
        view->reload();
}

} // namespace

void setNextCardStep(std::function<void(CardStepDialog &)> fill)
{
    DialogHook<CardStepDialog>::setNext(std::move(fill));
}

void setNextClaimTransactions(std::function<void(ClaimTransactionsDialog &)> fill)
{
    DialogHook<ClaimTransactionsDialog>::setNext(std::move(fill));
}

void showCardLabels(ClientSession &session, RecordListView &view)
{
    view.model().setReferenceResolver(
        u"cardId"_s, [&session](const QString &id) { return cardquery::cardLabel(session.cache(), id); });
}

RecordListView *cardsView(ClientSession &session, QWidget *parent)
{
    RecordListView::Options o;
    o.columns = {{u"@orgUnit"_s, {}},
                 {u"holderName"_s, {}},
                 {u"holderRole"_s, {}},
                 {u"holderId"_s, {}},
                 {u"bank"_s, {}},
                 {u"last4"_s, {}},
                 {u"kind"_s, {}},
                 {u"monthLimit"_s, {}},
                 {u"repaymentDay"_s, {}},
                 {u"fundingAccount"_s, {}},
                 {u"state"_s, {}},
                 {u"issuedOn"_s, {}},
                 {u"@state"_s, CardRecordViews::tr("Sync")}};
    o.searchFields = {u"holderName"_s, u"last4"_s, u"bank"_s};
    o.exportName = CardRecordViews::tr("Village cards");
    o.canAdd = o.canEdit = entersData(session);
    auto *view = new RecordListView(session, sync::RecordTypes::get<VillageCardType>(), o, parent);
    view->setObjectName(u"villageCards"_s);
    return view;
}

RecordListView *requestsView(ClientSession &session, QWidget *parent)
{
    RecordListView::Options o;
    o.columns = {{u"@orgUnit"_s, {}},   {u"cardId"_s, {}},
                 {u"plannedOn"_s, {}},  {u"purpose"_s, {}},
                 {u"category"_s, {}},   {u"estimate"_s, {}},
                 {u"state"_s, {}},      {u"approvedBody"_s, {}},
                 {u"approvedOn"_s, {}}, {u"@state"_s, CardRecordViews::tr("Sync")}};
    o.searchFields = {u"purpose"_s};
    o.exportName = CardRecordViews::tr("Spend requests");
    o.canAdd = o.canEdit = entersData(session);
    auto *view = new RecordListView(session, sync::RecordTypes::get<SpendRequestType>(), o, parent);
    view->setObjectName(u"spendRequests"_s);
    showCardLabels(session, *view);
    view->model().setValueLabels(
        u"approvedBody"_s,
        {{approvalBodyName(ApprovalBody::Director), approvalBodyChinese(ApprovalBody::Director)},
         {approvalBodyName(ApprovalBody::Committees), approvalBodyChinese(ApprovalBody::Committees)},
         {approvalBodyName(ApprovalBody::Representatives),
          approvalBodyChinese(ApprovalBody::Representatives)}});
    offerCards(session, *view);
    if (entersData(session)) {
        QPushButton *approve = view->addAction(CardRecordViews::tr("&Approve…"));
        approve->setObjectName(u"approveRequest"_s);
        QObject::connect(approve, &QPushButton::clicked, view,
                         [&session, view] { stepOnCurrent(session, view, CardStepDialog::Kind::Request); });
    }
    return view;
}

RecordListView *claimsView(ClientSession &session, QWidget *parent)
{
    RecordListView::Options o;
    o.columns = {{u"@orgUnit"_s, {}},
                 {u"cardId"_s, {}},
                 {u"claimedOn"_s, {}},
                 {u"purpose"_s, {}},
                 {u"amount"_s, {}},
                 {u"handler"_s, {}},
                 {u"witness"_s, {}},
                 {u"state"_s, {}},
                 {u"voucherNo"_s, {}},
                 {u"bookedOn"_s, {}},
                 {u"@state"_s, CardRecordViews::tr("Sync")}};
    o.searchFields = {u"purpose"_s, u"handler"_s, u"voucherNo"_s};
    o.exportName = CardRecordViews::tr("Card claims");
    o.canAdd = o.canEdit = entersData(session);
    auto *view = new RecordListView(session, sync::RecordTypes::get<CardClaimType>(), o, parent);
    view->setObjectName(u"cardClaims"_s);
    showCardLabels(session, *view);
    offerCards(session, *view);
    if (entersData(session)) {
        QPushButton *covers = view->addAction(CardRecordViews::tr("&Transactions…"));
        covers->setObjectName(u"claimTransactions"_s);
        QObject::connect(covers, &QPushButton::clicked, view, [&session, view] {
            const QString id = view->currentRecordId();
            if (id.isEmpty()) {
                MessageBox::information(view, CardRecordViews::tr("Transactions of the claim"),
                                        CardRecordViews::tr("Choose a claim in the list first."));
                return;
            }
            ClaimTransactionsDialog dialog(session, id, view);
            DialogHook<ClaimTransactionsDialog>::run(dialog);
        });
        QPushButton *check = view->addAction(CardRecordViews::tr("&Check…"));
        check->setObjectName(u"checkClaim"_s);
        QObject::connect(check, &QPushButton::clicked, view,
                         [&session, view] { stepOnCurrent(session, view, CardStepDialog::Kind::Claim); });
    }
    return view;
}

RecordListView *tiersView(ClientSession &session, QWidget *parent)
{
    const UserInfo &user = session.user();
    RecordListView::Options o;
    o.columns = {{u"@orgUnit"_s, {}},
                 {u"directorMax"_s, {}},
                 {u"committeesMax"_s, {}},
                 {u"note"_s, {}},
                 {u"@state"_s, CardRecordViews::tr("Sync")}};
    o.placeLevel = OrgLevel::County;
    o.exportName = CardRecordViews::tr("Card approval tiers");
    o.canAdd = o.canEdit = user.orgLevel == OrgLevel::County &&
                           (user.roles.contains(Role::Reviewer) || user.roles.contains(Role::Admin));
    auto *view = new RecordListView(session, sync::RecordTypes::get<CardTierSettingType>(), o, parent);
    view->setObjectName(u"cardTiers"_s);
    view->setDefaultPlace(user.orgUnitId);
    // One record per county: its id is the county's.
    view->setDialogHook([](RecordDialog &dialog, const sync::Placement &placement) {
        const QString id = CardTierSettingType::recordIdFor(placement.orgUnitId);
        dialog.setRecordIdRule([id](const QJsonObject &) { return id; });
    });
    return view;
}

} // namespace sunshine::app
