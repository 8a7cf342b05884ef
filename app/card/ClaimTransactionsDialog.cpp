#include "app/card/ClaimTransactionsDialog.h"

#include "app/card/CardQueries.h"
#include "app/sync/ClientSession.h"
#include "common/card/CardTypes.h"
#include "ui_ClaimTransactionsDialog.h"

#include <QPushButton>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

ClaimTransactionsDialog::ClaimTransactionsDialog(ClientSession &session, const QString &claimId,
                                                 QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::ClaimTransactionsDialog>())
    , m_session(session)
    , m_claimId(claimId)
{
    ui->setupUi(this);
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &ClaimTransactionsDialog::submit);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(ui->transactionsList, &QListWidget::itemChanged, this, &ClaimTransactionsDialog::updateTotal);
    const std::optional<CachedRecord> claim = m_session.cache().record(m_claimId);
    if (!claim || claim->record.type != QString::fromUtf16(card::CardClaimType::kName)) {
        ui->problemLabel->setText(tr("The claim is not in the local data."));
        ui->buttonBox->button(QDialogButtonBox::Save)->setEnabled(false);
        return;
    }
    const QJsonObject &f = claim->record.fields;
    m_claimAmount = sync::RecordType::fenOf(f, u"amount"_s);
    const QString cardId = f.value(u"cardId"_s).toString();
    const bool booked = f.value(u"state"_s).toString() == card::claimStateName(card::ClaimState::Booked);
    ui->introLabel->setText(tr("Claim “%1” of %2 on the card %3. Tick the transactions it covers.")
                                .arg(f.value(u"purpose"_s).toString(), money::formatYuan(m_claimAmount),
                                     cardquery::cardLabel(m_session.cache(), cardId)));
    const QStringList own = cardquery::transactionsOfClaim(m_session.cache(), m_claimId);
    m_covered = QSet<QString>(own.cbegin(), own.cend());
    auto add = [this, booked](const QString &id, const QString &text, bool checked) {
        auto *item = new QListWidgetItem(text, ui->transactionsList);
        item->setData(Qt::UserRole, id);
        item->setFlags(booked ? Qt::ItemIsEnabled : (item->flags() | Qt::ItemIsUserCheckable));
        item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    };
    for (const QString &id : own) {
        const std::optional<CachedRecord> t = m_session.cache().record(id);
        if (t)
            add(id,
                u"%1 · %2 · %3 元"_s.arg(
                    t->record.fields.value(u"on"_s).toString(),
                    t->record.fields.value(u"merchant"_s).toString(),
                    money::formatYuan(sync::RecordType::fenOf(t->record.fields, u"amount"_s))),
                true);
    }
    if (!booked) {
        for (const auto &[id, text] : cardquery::unclaimedOf(m_session.cache(), cardId))
            add(id, text, false);
    } else {
        ui->problemLabel->setText(tr("The claim is booked: what it covers can no longer change."));
        ui->buttonBox->button(QDialogButtonBox::Save)->setEnabled(false);
    }
    updateTotal();
}

ClaimTransactionsDialog::~ClaimTransactionsDialog() = default;

QString ClaimTransactionsDialog::problem() const
{
    return ui->problemLabel->text();
}

void ClaimTransactionsDialog::setCovered(const QString &transactionId, bool covered)
{
    for (int i = 0; i < ui->transactionsList->count(); ++i) {
        QListWidgetItem *item = ui->transactionsList->item(i);
        if (item->data(Qt::UserRole).toString() == transactionId)
            item->setCheckState(covered ? Qt::Checked : Qt::Unchecked);
    }
}

void ClaimTransactionsDialog::updateTotal()
{
    qint64 total = 0;
    for (int i = 0; i < ui->transactionsList->count(); ++i) {
        const QListWidgetItem *item = ui->transactionsList->item(i);
        if (item->checkState() != Qt::Checked)
            continue;
        if (const auto t = m_session.cache().record(item->data(Qt::UserRole).toString()))
            total += sync::RecordType::fenOf(t->record.fields, u"amount"_s);
    }
    ui->totalLabel->setText(total == m_claimAmount
                                ? tr("Ticked: %1, the amount of the claim.").arg(money::formatYuan(total))
                                : tr("Ticked: %1; the claim is for %2.")
                                      .arg(money::formatYuan(total), money::formatYuan(m_claimAmount)));
}

void ClaimTransactionsDialog::submit()
{
    const QString type = QString::fromUtf16(card::CardTransactionType::kName);
    for (int i = 0; i < ui->transactionsList->count(); ++i) {
        const QListWidgetItem *item = ui->transactionsList->item(i);
        const QString id = item->data(Qt::UserRole).toString();
        const bool covered = item->checkState() == Qt::Checked;
        if (covered == m_covered.contains(id))
            continue;
        const std::optional<CachedRecord> t = m_session.cache().record(id);
        if (!t)
            continue;
        QString error;
        if (!m_session.saveFields(
                type, id, t->record.orgUnitId, t->record.departmentId,
                {{u"claimId"_s, covered ? QJsonValue(m_claimId) : QJsonValue(QJsonValue::Null)}}, &error)) {
            ui->problemLabel->setText(tr("Could not save: %1").arg(error));
            return;
        }
    }
    accept();
}

} // namespace sunshine::app
