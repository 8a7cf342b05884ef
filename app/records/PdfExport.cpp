#include "app/records/PdfExport.h"

#include <QCoreApplication>
#include <QFile>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

bool writePdf(QTextDocument &document, const QString &path, const QString &title, QString *error)
{
    {
        QPdfWriter writer(path);
        writer.setResolution(300);
        writer.setTitle(title);
        writer.setCreator(u"Sunshine+"_s);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                         QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter));
        document.print(&writer);
    }
    if (QFile(path).size() <= 0) {
        *error =
            QCoreApplication::translate("sunshine::app::PdfExport", "The PDF file %1 could not be written.")
                .arg(path);
        return false;
    }
    return true;
}

} // namespace sunshine::app
