#include "app/trading/ListingStepDialog.h"

#include "app/sync/ClientSession.h"
#include "app/trading/TradingQueries.h"
#include "common/core/Money.h"
#include "common/trading/TradingTypes.h"
#include "ui_ListingStepDialog.h"

#include <QJsonArray>
#include <QPushButton>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

using namespace trading;

namespace {

// The notice's length proposed when it is published (the clerk may change its last day).
constexpr int kProposedNoticeDays = 10;

} // namespace

ListingStepDialog::ListingStepDialog(ClientSession &session, const QString &listingId, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::ListingStepDialog>())
    , m_session(session)
    , m_id(listingId)
{
    ui->setupUi(this);
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &ListingStepDialog::submit);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(ui->actionCombo, &QComboBox::currentIndexChanged, this, &ListingStepDialog::actionChanged);
    connect(ui->fromEdit, &QDateEdit::dateChanged, this, &ListingStepDialog::periodChanged);
    connect(ui->toEdit, &QDateEdit::dateChanged, this, &ListingStepDialog::periodChanged);
    const QDate today = m_session.clock().todayInChina();
    ui->fromEdit->setDate(today);
    ui->toEdit->setDate(periodEnd(WorkingCalendar::current(), today, kProposedNoticeDays));

    const std::optional<CachedRecord> rec = m_session.cache().record(m_id);
    if (!rec || rec->record.type != QString::fromUtf16(ListingType::kName)) {
        ui->problemLabel->setText(tr("The listing is not in the local data."));
        ui->buttonBox->button(QDialogButtonBox::Save)->setEnabled(false);
        actionChanged();
        return;
    }
    m_orgUnitId = rec->record.orgUnitId;
    m_departmentId = rec->record.departmentId;
    m_fields = rec->record.fields;
    const UserInfo &user = m_session.user();
    m_actor.roles = user.roles;
    m_actor.level = user.orgLevel;
    m_actor.online = false; // bids go through the server, never from here
    m_centre = centreLevelOf(m_fields.value(u"centreLevel"_s).toString());

    const QList<ListingStep> history = listingStepsFromJson(m_fields.value(u"steps"_s).toArray());
    const ListingHandling h = replayListing(history, ListingType::termsOf(m_fields));
    ui->subjectLabel->setText(u"%1 · %2 · %3"_s.arg(m_fields.value(u"listingNo"_s).toString(),
                                                    m_fields.value(u"subject"_s).toString(),
                                                    m_session.orgUnitName(m_orgUnitId)));
    QString state = tr("Now: %1.").arg(listingStateChinese(h.state));
    if (h.state == ListingState::Noticed)
        state += u' ' + tr("The notice runs from %1 to %2.")
                            .arg(h.noticeFrom.toString(Qt::ISODate), h.noticeTo.toString(Qt::ISODate));
    ui->stateLabel->setText(state);
    const QList<ListingAction> actions = listingActionsFor(history, m_actor, m_centre);
    for (ListingAction a : actions)
        ui->actionCombo->addItem(listingActionChinese(a), listingActionName(a));
    // Open negotiation: with a bidder who passed the qualification.
    const QList<QPair<QString, QString>> bidders =
        tradingquery::registrationChoices(m_session.cache(), m_id, true);
    for (const QPair<QString, QString> &bidder : bidders)
        ui->registrationCombo->addItem(bidder.second, bidder.first);
    ui->qualifiedSpin->setValue(tradingquery::qualifiedCount(m_session.cache(), m_id));
    if (ui->actionCombo->count() == 0) {
        ui->problemLabel->setText(tr("Nothing for you to do on this listing now."));
        ui->buttonBox->button(QDialogButtonBox::Save)->setEnabled(false);
    }
    actionChanged();
}

ListingStepDialog::~ListingStepDialog() = default;

QStringList ListingStepDialog::offered() const
{
    QStringList out;
    for (int i = 0; i < ui->actionCombo->count(); ++i)
        out.append(ui->actionCombo->itemData(i).toString());
    return out;
}

QString ListingStepDialog::problem() const
{
    return ui->problemLabel->text();
}

std::optional<ListingAction> ListingStepDialog::chosen() const
{
    return listingActionFromName(ui->actionCombo->currentData().toString());
}

void ListingStepDialog::actionChanged()
{
    const std::optional<ListingAction> action = chosen();
    const auto is = [&action](ListingAction a) {
        return action && *action == a;
    };
    const bool notice = is(ListingAction::Publish);
    const bool from = notice || is(ListingAction::Announce);
    const bool negotiate = is(ListingAction::Negotiate);
    const bool number = is(ListingAction::Sign) || is(ListingAction::Certify);
    const bool reason =
        is(ListingAction::Reject) || is(ListingAction::Suspend) || is(ListingAction::Terminate);
    ui->fromLabel->setVisible(from);
    ui->fromEdit->setVisible(from);
    ui->fromLabel->setText(notice ? tr("Notice &from:") : tr("Result notice &from:"));
    ui->toLabel->setVisible(notice);
    ui->toEdit->setVisible(notice);
    ui->periodLabel->setVisible(notice);
    ui->qualifiedLabel->setVisible(is(ListingAction::Qualify));
    ui->qualifiedSpin->setVisible(is(ListingAction::Qualify));
    ui->registrationLabel->setVisible(negotiate);
    ui->registrationCombo->setVisible(negotiate);
    ui->amountLabel->setVisible(negotiate);
    ui->amountEdit->setVisible(negotiate);
    ui->numberLabel->setVisible(number);
    ui->numberEdit->setVisible(number);
    ui->numberLabel->setText(is(ListingAction::Certify) ? tr("&Certificate number:")
                                                        : tr("&Contract number:"));
    ui->reasonLabel->setVisible(reason);
    ui->reasonEdit->setVisible(reason);
    periodChanged();
}

void ListingStepDialog::periodChanged()
{
    const int days = workingDaysBetween(WorkingCalendar::current(), ui->fromEdit->date(), ui->toEdit->date());
    QString text = tr("%n working day(s).", nullptr, days);
    const QString note = WorkingCalendar::current().uncoveredNote(ui->toEdit->date());
    if (!note.isEmpty())
        text += u' ' + note;
    ui->periodLabel->setText(text);
}

void ListingStepDialog::setAction(const QString &action)
{
    ui->actionCombo->setCurrentIndex(ui->actionCombo->findData(action));
}

void ListingStepDialog::setPeriod(QDate from, QDate to)
{
    ui->fromEdit->setDate(from);
    ui->toEdit->setDate(to);
}

void ListingStepDialog::setQualified(int qualified)
{
    ui->qualifiedSpin->setValue(qualified);
}

void ListingStepDialog::setNegotiated(const QString &registrationId, const QString &yuan)
{
    ui->registrationCombo->setCurrentIndex(ui->registrationCombo->findData(registrationId));
    ui->amountEdit->setText(yuan);
}

void ListingStepDialog::setNumber(const QString &number)
{
    ui->numberEdit->setText(number);
}

void ListingStepDialog::setReason(const QString &reason)
{
    ui->reasonEdit->setText(reason);
}

void ListingStepDialog::submit()
{
    const std::optional<ListingAction> action = chosen();
    if (!action || m_orgUnitId.isEmpty())
        return;
    ListingStep s;
    s.action = *action;
    switch (s.action) {
    case ListingAction::Publish:
        s.from = ui->fromEdit->date();
        s.to = ui->toEdit->date();
        break;
    case ListingAction::Announce:
        s.from = ui->fromEdit->date();
        break;
    case ListingAction::Qualify:
        s.qualified = ui->qualifiedSpin->value();
        break;
    case ListingAction::Negotiate: {
        s.registrationId = ui->registrationCombo->currentData().toString();
        const money::ParseResult amount = money::parseYuan(ui->amountEdit->text());
        if (!amount.fen) {
            ui->problemLabel->setText(money::parseErrorMessage(amount.error));
            return;
        }
        s.amount = *amount.fen;
        break;
    }
    case ListingAction::Sign:
        s.contractNo = ui->numberEdit->text().trimmed();
        break;
    case ListingAction::Certify:
        s.certificateNo = ui->numberEdit->text().trimmed();
        break;
    case ListingAction::Reject:
    case ListingAction::Suspend:
    case ListingAction::Terminate:
        s.reason = ui->reasonEdit->text().trimmed();
        break;
    case ListingAction::Submit:
    case ListingAction::Approve:
    case ListingAction::Bid:
    case ListingAction::Hammer:
    case ListingAction::Settle:
    case ListingAction::Resume:
        break;
    }
    QJsonArray steps = m_fields.value(u"steps"_s).toArray();
    const StepTime when{m_session.clock().todayInChina(), &WorkingCalendar::current()};
    const std::optional<QString> why = listingStepProblem(listingStepsFromJson(steps), s, m_actor, m_centre,
                                                          ListingType::termsOf(m_fields), when);
    if (why) {
        ui->problemLabel->setText(*why);
        return;
    }
    steps.append(s.toJson());
    QString error;
    if (!m_session.saveFields(QString::fromUtf16(ListingType::kName), m_id, m_orgUnitId, m_departmentId,
                              {{u"steps"_s, steps}}, &error)) {
        ui->problemLabel->setText(tr("Could not save: %1").arg(error));
        return;
    }
    accept();
}

} // namespace sunshine::app
