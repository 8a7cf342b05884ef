#include "app/trading/BidDialog.h"

#include "app/net/ApiClient.h"
#include "app/sync/ClientSession.h"
#include "app/trading/TradingQueries.h"
#include "common/trading/TradingTypes.h"
#include "ui_BidDialog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

using namespace trading;

BidDialog::BidDialog(ClientSession &session, ApiClient &api, const QString &listingId, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::BidDialog>())
    , m_session(session)
    , m_api(api)
    , m_id(listingId)
{
    ui->setupUi(this);
    ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Send bid"));
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &BidDialog::submit);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);

    const std::optional<CachedRecord> rec = m_session.cache().record(m_id);
    if (!rec || rec->record.type != QString::fromUtf16(ListingType::kName)) {
        refuse(tr("The listing is not in the local data."));
        return;
    }
    const QJsonObject &f = rec->record.fields;
    const ListingTerms terms = ListingType::termsOf(f);
    const ListingHandling h = tradingquery::handlingOf(f);
    m_minimum = minimumNextBid(h, terms);
    ui->subjectLabel->setText(u"%1 · %2 · %3"_s.arg(f.value(u"listingNo"_s).toString(),
                                                    f.value(u"subject"_s).toString(),
                                                    m_session.orgUnitName(rec->record.orgUnitId)));
    ui->stateLabel->setText(h.bids == 0
                                ? tr("Now: %1. No bid yet.").arg(listingStateChinese(h.state))
                                : tr("Now: %1. %n bid(s) so far, the highest %2 yuan.", nullptr, h.bids)
                                      .arg(listingStateChinese(h.state), money::formatYuan(h.highBid)));
    const QString how = h.bids == 0
                            ? tr("the start price")
                            : tr("the last bid plus the step of %1 yuan").arg(money::formatYuan(terms.step));
    ui->minimumLabel->setText(
        tr("Lowest bid accepted now: %1 yuan (%2).").arg(money::formatYuan(m_minimum), how));
    ui->amountEdit->setText(money::formatYuan(m_minimum));
    const QList<QPair<QString, QString>> bidders =
        tradingquery::registrationChoices(m_session.cache(), m_id, true);
    for (const QPair<QString, QString> &bidder : bidders)
        ui->registrationCombo->addItem(bidder.second, bidder.first);
    if (h.state != ListingState::Bidding)
        refuse(tr("The listing is not bidding now: bids are taken only while it is."));
    else if (bidders.isEmpty())
        refuse(tr("No bidder of this listing has passed the qualification."));
}

BidDialog::~BidDialog() = default;

QStringList BidDialog::registrations() const
{
    QStringList out;
    for (int i = 0; i < ui->registrationCombo->count(); ++i)
        out.append(ui->registrationCombo->itemData(i).toString());
    return out;
}

QString BidDialog::problem() const
{
    return ui->problemLabel->text();
}

void BidDialog::setEntry(const QString &registrationId, const QString &yuan)
{
    ui->registrationCombo->setCurrentIndex(ui->registrationCombo->findData(registrationId));
    ui->amountEdit->setText(yuan);
}

void BidDialog::refuse(const QString &message)
{
    ui->problemLabel->setText(message);
    ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(false);
}

void BidDialog::submit()
{
    if (!ui->buttonBox->button(QDialogButtonBox::Ok)->isEnabled())
        return;
    const QString registration = ui->registrationCombo->currentData().toString();
    if (registration.isEmpty()) {
        ui->problemLabel->setText(tr("Choose the bidder."));
        return;
    }
    const money::ParseResult amount = money::parseYuan(ui->amountEdit->text());
    if (!amount.fen) {
        ui->problemLabel->setText(money::parseErrorMessage(amount.error));
        return;
    }
    // Below what the cache knows is below what the server knows too (bids only go up).
    if (*amount.fen < m_minimum) {
        ui->problemLabel->setText(
            tr("The bid is below the lowest bid accepted now (%1 yuan).").arg(money::formatYuan(m_minimum)));
        return;
    }
    ui->problemLabel->clear();
    const QJsonObject body{{u"registrationId"_s, registration}, {u"amount"_s, *amount.fen}};
    ui->buttonBox->setEnabled(false);
    const ApiResult r = m_api.wait("POST", u"/api/v1/trading/listings/%1/bids"_s.arg(m_id),
                                   QJsonDocument(body).toJson(QJsonDocument::Compact));
    ui->buttonBox->setEnabled(true);
    if (!r.ok()) {
        // The server's own words (Chinese) when it refused the bid.
        ui->problemLabel->setText(
            r.unreachable() ? tr("The server cannot be reached: a bid is only made online. %1").arg(r.message)
                            : r.message);
        return;
    }
    // The listing comes back with its new bid at this sync.
    m_session.engine().syncNow();
    accept();
}

} // namespace sunshine::app
