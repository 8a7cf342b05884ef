// The baseline of bench_app: Qt's own start, a QApplication with a QMainWindow showing an empty QTableView,
// measured with the same probe as the program (writes the report to argv[1] once the table has painted).
#include "app/shell/StartupProbe.h"

#include <QApplication>
#include <QMainWindow>
#include <QStandardItemModel>
#include <QTableView>

int main(int argc, char *argv[])
{
    const qint64 mainNs = sunshine::app::StartupProbe::nowNs();
    QApplication app(argc, argv);
    const QStringList args = QApplication::arguments();
    sunshine::app::StartupProbe probe(args.value(1), QStringLiteral("households"), mainNs);
    QMainWindow window;
    QStandardItemModel model(0, 9);
    auto *table = new QTableView(&window);
    table->setObjectName(QStringLiteral("households"));
    table->setModel(&model);
    window.setCentralWidget(table);
    window.resize(1280, 800);
    window.show();
    return QApplication::exec();
}
