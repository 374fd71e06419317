package io.newsflow.enrich.category;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CategoryClassifierTest {
    private final CategoryClassifier classifier = new CategoryClassifier();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            politics      | 市人大常委会举行第十二次会议 | 会议审议了市政府关于财政预算执行情况的报告，表决通过了有关人事任免事项，市人大常委会组成人员出席会议。
            politics      | 全市基层党建工作推进会召开 | 会议强调，要把党的政治建设摆在首位，深化基层党组织标准化建设，加强党员教育管理，推动全面从严治党向纵深发展。
            politics      | 市政协召开十五届五次常委会议 | 会议围绕提案办理协商议政，政协委员和民主党派代表提出意见建议，并审议通过有关决议。
            economy       | 一季度全市经济运行稳中向好 | 全市地区生产总值同比增长5.8%，规模以上工业增加值增长7.1%，固定资产投资和社会消费品零售总额保持较快增长，外贸进出口总额创同期新高。
            economy       | 20个重大产业项目集中签约 | 签约项目涵盖新能源、高端装备等领域，总投资超过300亿元，各板块要优化营商环境，加强要素保障，推动项目早开工、早投产。
            economy       | 民营企业座谈会召开 | 市领导听取企业家对金融服务、融资和市场开拓的意见，要求各部门帮助企业纾困解难，支持民营经济做大做强。
            technology    | 我市新增两家省级重点实验室 | 两家实验室分别聚焦集成电路材料和人工智能算法，将联合高校院士团队开展核心技术攻关，加快科技成果转化。
            technology    | 高新技术企业数量突破五千家 | 去年全市研发投入占比达3.4%，发明专利授权量增长两成，新型研发机构和科创平台持续集聚，科技创新能力不断增强。
            environment   | 全市空气质量优良天数比率持续提升 | 市生态环境局通报，全市PM2.5平均浓度同比下降，重点行业减排和污染治理成效明显，将继续推进绿色低碳转型。
            environment   | 入湖河道综合整治工程加快推进 | 今年将完成河道清淤和控源截污任务，强化蓝藻监测预警，确保太湖水质稳定向好，守护好一湖碧水。
            environment   | 碳达峰碳中和实施方案出台 | 方案明确能耗强度下降目标，推动光伏等清洁能源应用，加快建设节能降碳示范园区。
            society       | 老旧小区改造惠及两万户居民 | 今年全市完成老旧小区改造86个，同步完善社区养老、托育和停车等便民设施，群众居住条件明显改善。
            society       | 高校毕业生就业服务月启动 | 人社部门联合用人单位提供就业岗位一万余个，开展职业指导和技能培训，帮助困难群众家庭学生顺利就业。
            society       | 市领导检查节前安全生产工作 | 检查组深入燃气企业和人员密集场所，排查安全隐患，要求落实消防和应急处置措施，保障市民平安过节。
            culture       | 非遗展演走进历史文化街区 | 锡剧、惠山泥人等非遗项目集中亮相，吸引众多市民游客驻足观看，传承弘扬优秀传统文化。
            culture       | 市博物馆新展开幕 | 展览汇集书画、文物等展品两百余件，配套开展阅读分享和艺术讲座，丰富群众文化生活。
            culture       | 假日文旅市场持续火热 | 各大景区接待游客人次同比增长，演出和夜间文化消费活动丰富多彩，旅游市场安全有序。
            health        | 我市全面推进疫苗加强针接种 | 各接种点延长服务时间，疾控部门加强流调和核酸检测能力建设，守牢疫情防控底线。
            health        | 市人民医院新院区启用 | 新院区开设急诊、儿科等诊疗科室，医护人员到位，患者就医和医保结算更加便捷，提升公共卫生服务能力。
            international | 市领导会见德国友好城市代表团 | 双方就深化友城交流、推动经贸人文合作交换意见，代表团将参观本地企业和高校，进一步增进国际友人对无锡的了解。
            international | 市外办召开涉外工作会议 | 会议要求做好外籍人士服务和外事接待，拓展对外交往渠道，办好国际交流活动，提升城市国际化水平。
            sports        | 无锡马拉松鸣枪开跑 | 三万余名选手参赛，赛事设全程、半程和迷你跑项目，本地运动员获得男子组冠军。
            sports        | 全民健身运动会开幕 | 运动会设篮球、乒乓球、羽毛球等十余个比赛项目，各代表队运动员同场竞技。
            """)
    void classifiesShortArticlesOfEachCategory(String expected, String headline, String body) {
        assertThat(classifier.classify(headline, body, List.of()).id()).isEqualTo(expected);
    }

    @Test
    void isGeneralWhenNoRuleMatches() {
        assertThat(classifier.classify("今日天气晴", "气温零上五度。", List.of())).isEqualTo(Category.GENERAL);
        assertThat(classifier.classify(null, null, null)).isEqualTo(Category.GENERAL);
    }

    @Test
    void headlineCountsMoreThanTheBody() {
        String body = "园区内的企业正在开展活动。";

        assertThat(classifier.classify("", body, List.of())).isEqualTo(Category.ECONOMY);
        assertThat(classifier.classify("非遗", body, List.of())).isEqualTo(Category.CULTURE);
    }

    @Test
    void keywordsCountTwice() {
        assertThat(classifier.classify("", "企业参与。", List.of("养老"))).isEqualTo(Category.SOCIETY);
    }

    @Test
    void aLongerTermHidesTheTermsInsideIt() {
        assertThat(classifier.classify("", "优化营商环境。", List.of())).isEqualTo(Category.ECONOMY);
        assertThat(classifier.classify("", "坚持中国特色社会主义。", List.of())).isEqualTo(Category.GENERAL);
    }

    @Test
    void tiesGoToTheEarlierCategory() {
        assertThat(classifier.classify("", "党建和投资。", List.of())).isEqualTo(Category.POLITICS);
    }

    @Test
    void categoryIdsAreDistinctLowerCaseWords() {
        assertThat(Arrays.stream(Category.values()).map(Category::id))
                .doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[a-z]+"));
        assertThat(Category.fromId("environment")).contains(Category.ENVIRONMENT);
        assertThat(Category.fromId("其他")).isEmpty();
    }
}
