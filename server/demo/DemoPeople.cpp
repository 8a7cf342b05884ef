#include "server/demo/DemoPeople.h"

#include <QRandomGenerator>
#include <QUuid>
#include <iterator>

namespace sunshine::demo {

namespace {

constexpr char16_t kSurnames[] =
    u"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡";
constexpr char16_t kGiven[] = u"建国秀英桂兰志强海燕玉梅春华德明红霞立新宝山凤琴金龙永红丽娟家宝云芳国庆小平";

} // namespace

QString personName(QRandomGenerator &rng)
{
    const int surnames = int(std::size(kSurnames)) - 1, given = int(std::size(kGiven)) - 1;
    QString n = QChar(kSurnames[rng.bounded(surnames)]);
    const int g = rng.bounded(given / 2) * 2;
    n += rng.bounded(3) == 0 ? QString(QChar(kGiven[g])) : QString(QChar(kGiven[g])) + QChar(kGiven[g + 1]);
    return n;
}

QString randomRecordId(QRandomGenerator &rng)
{
    quint32 w[4];
    rng.fillRange(w);
    const QUuid u(w[0], quint16(w[1]), quint16(w[1] >> 16), uchar(w[2]), uchar(w[2] >> 8), uchar(w[2] >> 16),
                  uchar(w[2] >> 24), uchar(w[3]), uchar(w[3] >> 8), uchar(w[3] >> 16), uchar(w[3] >> 24));
    return u.toString(QUuid::WithoutBraces);
}

} // namespace sunshine::demo
