#include "app/trading/DealPdf.h"

#include "app/records/PdfExport.h"
#include "app/shell/FileDialog.h"
#include "app/shell/MessageBox.h"
#include "app/sync/ClientSession.h"
#include "app/trading/TradingQueries.h"
#include "common/core/Money.h"
#include "common/trading/TradingTypes.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>
#include <QTextDocument>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

using namespace trading;

namespace {

class DealPdf
{
    Q_DECLARE_TR_FUNCTIONS(DealPdf)
};

QString row(const QString &label, const QString &value)
{
    return u"<tr><th align=\"left\" width=\"170\">%1</th><td>%2</td></tr>"_s.arg(label.toHtmlEscaped(),
                                                                                 value.toHtmlEscaped());
}

QString choiceLabel(const QString &field, const QJsonObject &fields)
{
    const QString value = fields.value(field).toString();
    const auto spec = sync::RecordTypes::get<ListingType>().field(field);
    return spec ? spec->choiceLabel(value) : value;
}

QString yuan(Fen fen)
{
    return DealPdf::tr("%1 yuan").arg(money::formatYuan(fen));
}

} // namespace

QString dealConfirmationHtml(ClientSession &session, const QString &listingId, QString *error)
{
    const std::optional<CachedRecord> rec = session.cache().record(listingId);
    if (!rec || rec->record.type != QString::fromUtf16(ListingType::kName)) {
        *error = DealPdf::tr("The listing is not on this computer.");
        return {};
    }
    const QJsonObject &f = rec->record.fields;
    const ListingHandling h = tradingquery::handlingOf(f);
    if (!tradingquery::dealtStateNames().contains(listingStateName(h.state)) ||
        h.winnerRegistration.isEmpty()) {
        *error = DealPdf::tr("The listing has no deal: its confirmation is printed once it is dealt.");
        return {};
    }
    const std::optional<CachedRecord> winner = session.cache().record(h.winnerRegistration);
    const QJsonObject w = winner ? winner->record.fields : QJsonObject();
    const qint64 years = f.value(u"termYears"_s).toInteger();
    const double area = f.value(u"areaMu"_s).toDouble();
    const QString village = session.orgUnitName(rec->record.orgUnitId);

    QString html = u"<h2 align=\"center\">%1</h2><p align=\"right\">%2</p>"_s.arg(
        DealPdf::tr("Rural property rights trading: deal confirmation").toHtmlEscaped(),
        DealPdf::tr("No. %1").arg(f.value(u"listingNo"_s).toString()).toHtmlEscaped());
    html += u"<table border=\"1\" cellspacing=\"0\" cellpadding=\"5\" width=\"100%\">"_s;
    html += row(DealPdf::tr("Subject"), f.value(u"subject"_s).toString());
    html += row(DealPdf::tr("Kind of right"), choiceLabel(u"rightKind"_s, f));
    if (area > 0)
        html += row(DealPdf::tr("Area"), DealPdf::tr("%1 mu").arg(area));
    html += row(DealPdf::tr("Term"), DealPdf::tr("%n year(s)", nullptr, int(years)));
    html += row(DealPdf::tr("Transferor"),
                DealPdf::tr("The collective economic organisation of %1").arg(village));
    html += row(DealPdf::tr("Transferee"), w.value(u"bidderName"_s).toString());
    html += row(DealPdf::tr("Transferee's ID number"), w.value(u"bidderId"_s).toString());
    const QString decided = h.negotiated ? DealPdf::tr("Open negotiation after a second notice")
                                         : DealPdf::tr("Bidding (%n bid(s))", nullptr, h.bids);
    html += row(DealPdf::tr("Decided by"), decided);
    html += row(DealPdf::tr("Reserve price per year"), yuan(ListingType::termsOf(f).reserve));
    html += row(DealPdf::tr("Deal price per year"), yuan(h.dealPrice));
    if (area > 0)
        html += row(DealPdf::tr("Price per mu and year"), yuan(qRound64(double(h.dealPrice) / area)));
    html += row(DealPdf::tr("Deal price over the term"), yuan(h.dealPrice * years));
    if (f.contains(u"deposit"_s))
        html += row(DealPdf::tr("Deposit"), yuan(sync::RecordType::fenOf(f, u"deposit"_s)));
    html += row(DealPdf::tr("Deal on"), h.dealOn.toString(Qt::ISODate));
    html += row(DealPdf::tr("Trading centre"), choiceLabel(u"centreLevel"_s, f));
    html += row(DealPdf::tr("Democratic decision"),
                u"%1（%2）"_s.arg(f.value(u"decisionRef"_s).toString(), f.value(u"decisionOn"_s).toString()));
    html += u"</table>"_s;
    html += u"<p>%1</p>"_s.arg(
        DealPdf::tr("The result is announced for %n working day(s); the parties sign the contract after the "
                    "announcement, on the terms above.",
                    nullptr, kResultNoticeDays)
            .toHtmlEscaped());
    html += u"<br/><table width=\"100%\"><tr><td>%1</td><td>%2</td><td>%3</td></tr></table>"_s.arg(
        DealPdf::tr("Transferor (seal):").toHtmlEscaped(),
        DealPdf::tr("Transferee (signature):").toHtmlEscaped(),
        DealPdf::tr("Trading centre (seal):").toHtmlEscaped());
    html += u"<p align=\"right\">%1</p>"_s.arg(DealPdf::tr("Date: %1").arg(h.dealOn.toString(Qt::ISODate)));
    return html;
}

bool writeDealPdf(ClientSession &session, const QString &listingId, const QString &path, QString *error)
{
    const QString html = dealConfirmationHtml(session, listingId, error);
    if (html.isEmpty())
        return false;
    const std::optional<CachedRecord> rec = session.cache().record(listingId);
    const QString number = rec ? rec->record.fields.value(u"listingNo"_s).toString() : QString();
    QTextDocument document;
    document.setDefaultStyleSheet(
        u"body { font-size: 11pt; } h2 { font-size: 16pt; } th { font-weight: bold; }"_s);
    document.setHtml(html);
    return writePdf(document, path, DealPdf::tr("Deal confirmation %1").arg(number), error);
}

void exportDealPdf(ClientSession &session, const QString &listingId, QWidget *parent)
{
    const QString title = DealPdf::tr("Deal confirmation PDF");
    if (listingId.isEmpty()) {
        MessageBox::information(parent, title, DealPdf::tr("Choose a deal in the list first."));
        return;
    }
    // Nothing to ask for when there is nothing to print.
    QString error;
    if (dealConfirmationHtml(session, listingId, &error).isEmpty()) {
        MessageBox::warning(parent, title, error);
        return;
    }
    const std::optional<CachedRecord> rec = session.cache().record(listingId);
    const QString number = rec ? rec->record.fields.value(u"listingNo"_s).toString() : QString();
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString stem = DealPdf::tr("Deal confirmation %1").arg(number);
    const QString path = FileDialog::getSaveFileName(parent, title, QDir(dir).filePath(stem + u".pdf"_s),
                                                     DealPdf::tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    if (!writeDealPdf(session, listingId, path, &error))
        MessageBox::warning(parent, title, error);
    else
        MessageBox::information(parent, title,
                                DealPdf::tr("Saved to %1.").arg(QDir::toNativeSeparators(path)));
}

} // namespace sunshine::app
