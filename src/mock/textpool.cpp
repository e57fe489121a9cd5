#include "textpool.h"

#include "detrandom.h"

#include <array>

namespace weft::mock::textpool {

namespace {

const std::array kSurnames = {u"王", u"李", u"张", u"刘", u"陈", u"杨", u"黄", u"赵", u"吴",
                              u"周", u"徐", u"孙", u"马", u"朱", u"胡", u"郭", u"何", u"林",
                              u"罗", u"郑", u"梁", u"谢", u"宋", u"唐", u"许", u"韩", u"冯"};
const std::array kGiven = {u"伟", u"芳",   u"娜",   u"秀英", u"敏",   u"静",   u"丽",
                           u"强", u"磊",   u"军",   u"洋",   u"勇",   u"艳",   u"杰",
                           u"娟", u"涛",   u"明",   u"超",   u"秀兰", u"霞",   u"平",
                           u"刚", u"桂英", u"建华", u"晓东", u"海燕", u"子涵", u"浩然"};
const std::array kCities = {u"上海", u"杭州", u"苏州", u"广州", u"深圳", u"成都", u"武汉",
                            u"西安", u"南京", u"宁波", u"厦门", u"青岛", u"郑州", u"长沙",
                            u"天津", u"合肥", u"福州", u"义乌", u"东莞", u"佛山", u"温州"};
const std::array kBrandWords = {u"鑫达", u"华盛", u"恒通", u"瑞丰", u"宏远", u"金源", u"天成",
                                u"永信", u"嘉禾", u"盛世", u"百川", u"闽康", u"优品", u"汇通",
                                u"新锐", u"德润", u"中和", u"博雅", u"星辰", u"云帆"};
const std::array kTrades = {u"贸易", u"科技", u"电子", u"实业", u"食品", u"生物科技", u"日用品",
                            u"包装", u"五金", u"服饰", u"家居", u"医药", u"供应链",   u"电子商务"};
const std::array kCompanySuffix = {u"有限公司", u"有限公司", u"股份有限公司", u"商贸有限公司",
                                   u"有限责任公司"};
const std::array kProducts = {
    u"不锈钢保温杯", u"益生菌固体饮料", u"蓝牙耳机", u"纯棉T恤",  u"儿童积木",   u"陶瓷餐具套装",
    u"有机绿茶",     u"LED台灯",        u"收纳箱",   u"电动牙刷", u"运动水壶",   u"手机支架",
    u"USB-C数据线",  u"羽绒服",         u"保湿面霜", u"坚果礼盒", u"挂耳咖啡",   u"宠物零食",
    u"不粘锅",       u"硅胶铲",         u"帆布包",   u"瑜伽垫",   u"车载充电器", u"婴儿湿巾"};
const std::array kVariants = {u"500ml",   u"250g",  u"黑色",  u"白色",   u"L码",
                              u"M码",     u"6件套", u"Pro",   u"2024款", u"礼盒装",
                              u"30袋/盒", u"1.5m",  u"升级版"};
const std::array kRemarks = {u"",
                             u"",
                             u"",
                             u"急单",
                             u"月底补货",
                             u"质检合格",
                             u"供应商直发",
                             u"Q3 restock",
                             u"含税价",
                             u"部分到货",
                             u"请尽快入库",
                             u"urgent",
                             u"按合同2024-017执行",
                             u"赠品随货",
                             u"促销备货"};
const std::array kJstUnits = {u"个", u"件", u"箱", u"盒", u"瓶", u"包", u"套", u"双"};
const std::array kK3Units = {u"Pcs", u"kg", u"m", u"box", u"set", u"L"};

} // namespace

QString personName(DetRandom &rng)
{
    return QString::fromUtf16(rng.pick(kSurnames)) + QString::fromUtf16(rng.pick(kGiven));
}

QString companyName(quint64 seed, quint64 key)
{
    DetRandom rng(seed, streamId(Stream::Supplier), key);
    return QString::fromUtf16(rng.pick(kCities)) + QString::fromUtf16(rng.pick(kBrandWords)) +
           QString::fromUtf16(rng.pick(kTrades)) + QString::fromUtf16(rng.pick(kCompanySuffix));
}

QString city(DetRandom &rng)
{
    return QString::fromUtf16(rng.pick(kCities));
}

QString productName(DetRandom &rng)
{
    return QString::fromUtf16(rng.pick(kProducts)) + u' ' + QString::fromUtf16(rng.pick(kVariants));
}

QString remark(DetRandom &rng)
{
    return QString::fromUtf16(rng.pick(kRemarks));
}

QString jstUnit(DetRandom &rng)
{
    return QString::fromUtf16(rng.pick(kJstUnits));
}

QString k3Unit(DetRandom &rng)
{
    return QString::fromUtf16(rng.pick(kK3Units));
}

QString letters(DetRandom &rng, int count)
{
    QString s;
    for (int i = 0; i < count; ++i)
        s += QChar(u'A' + int(rng.range(0, 25)));
    return s;
}

QString longText(int length, const QString &prefix)
{
    static const QString filler = QStringLiteral("超长文本测试Overlong-text-");
    QString s = prefix;
    while (s.size() < length)
        s += filler;
    s.truncate(length);
    return s;
}

} // namespace weft::mock::textpool
