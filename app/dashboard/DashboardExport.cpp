#include "app/dashboard/DashboardExport.h"

#include <QCoreApplication>
#include <QFile>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QPixmap>
#include <QPrintDialog>
#include <QPrinter>
#include <QWidget>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app::dashboardexport {

bool savePng(QWidget *widget, const QString &path, QString *error)
{
    const QPixmap pixmap = widget->grab();
    if (pixmap.isNull() || !pixmap.save(path, "PNG")) {
        *error = QCoreApplication::translate("DashboardExport", "The picture could not be written to %1.")
                     .arg(path);
        return false;
    }
    return true;
}

bool paint(QWidget *widget, QPagedPaintDevice *device, const QString &title, const QString &subtitle)
{
    QPainter painter;
    if (!painter.begin(device))
        return false;
    const QRect page = device->pageLayout().paintRectPixels(device->logicalDpiX());
    const QRect area(0, 0, page.width(), page.height());
    // The heading: title and the time of the data, in points so it reads the same at any resolution.
    QFont titleFont = widget->font();
    titleFont.setPointSizeF(14);
    titleFont.setBold(true);
    QFont smallFont = widget->font();
    smallFont.setPointSizeF(9);
    painter.setFont(titleFont);
    const QRect titleRect =
        painter.boundingRect(area, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, title);
    painter.drawText(titleRect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, title);
    painter.setFont(smallFont);
    QRect subRect = area.adjusted(0, titleRect.height() + 4, 0, 0);
    subRect = painter.boundingRect(subRect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, subtitle);
    painter.drawText(subRect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, subtitle);
    const int top = subRect.bottom() + int(device->logicalDpiX() / 8);
    // The widget, as vectors, scaled to the rest of the page. Its own size is in device-independent pixels
    // (1/96 inch on the screen): scale so that it fills the width or the height, whichever is reached first.
    const QSize size = widget->size();
    if (size.isEmpty()) {
        painter.end();
        return false;
    }
    const double availableW = area.width(), availableH = area.height() - top;
    const double scale = qMin(availableW / size.width(), availableH / size.height());
    painter.translate((availableW - size.width() * scale) / 2, top);
    painter.scale(scale, scale);
    widget->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
    painter.end();
    return true;
}

bool savePdf(QWidget *widget, const QString &path, const QString &title, const QString &subtitle,
             QString *error)
{
    {
        QPdfWriter writer(path);
        writer.setResolution(300);
        writer.setTitle(title);
        writer.setCreator(u"Sunshine+"_s);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape,
                                         QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter));
        if (!paint(widget, &writer, title, subtitle)) {
            *error = QCoreApplication::translate("DashboardExport", "The PDF file %1 could not be written.")
                         .arg(path);
            return false;
        }
    }
    if (QFile(path).size() <= 0) {
        *error =
            QCoreApplication::translate("DashboardExport", "The PDF file %1 could not be written.").arg(path);
        return false;
    }
    return true;
}

bool print(QWidget *widget, const QString &title, const QString &subtitle, QWidget *dialogParent)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageOrientation(QPageLayout::Landscape);
    printer.setDocName(title);
    QPrintDialog dialog(&printer, dialogParent);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    return paint(widget, &printer, title, subtitle);
}

} // namespace sunshine::app::dashboardexport
