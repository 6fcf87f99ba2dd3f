"""Hand-written stories of 政务服务 (services): three levels, never one reviewer twice."""

from __future__ import annotations

from newsdesk.core.model import ArticleState, Priority, ProposalState
from newsdesk.demo.story import Plan, Story

SERVICES_STORIES = (
    Story(
        channel="services",
        by="liuyang",
        assignee="liuyang",
        picture="hall",
        figure="chart",
        listed=True,
        long=True,
        plan=Plan(ProposalState.DONE, ArticleState.PUBLISHED),
        title="新生儿出生“一件事”可网上联办 最多跑一次",
        angle="解读新生儿出生“一件事”联办服务：能办哪些事、怎么办、要准备什么材料。",
        place="市政务服务中心",
        subject="新生儿出生“一件事”",
        org="市政务服务管理局",
        lead="{date}起，新生儿出生“一件事”联办服务在全市上线。新生儿父母通过政务服务网或“城市通”手机客户端一次提交申请，即可同步办理出生医学证明、户口登记、医保参保、社保卡申领等5个事项。",
        paragraphs=(
            "以往办理这些事项，需要分别跑医院、派出所、医保和社保窗口，提交材料十余份，耗时往往超过一个月。联办服务上线后，所需材料精简至4份，办理时间缩短至7个工作日以内，社保卡可选择邮寄到家。",
            "市政务服务管理局相关负责人介绍，“一件事”联办依托全市统一的政务服务平台，打通了卫生健康、公安、医保、人社等部门的业务系统，申请信息“一次采集、多方复用”，各部门并联审批、同步办理。",
        ),
        quote=(
            "刚为孩子办完手续的李先生",
            "在医院病房里用手机就提交了，一周后社保卡就寄到家了，太省心了。",
        ),
        questions=(
            (
                "哪些人可以申请新生儿出生“一件事”联办？",
                "新生儿在本市医疗机构出生，父母至少一方为本市户籍或持有本市居住证的，均可申请。",
            ),
            (
                "需要准备哪些材料？",
                "一般需要父母双方身份证件、户口簿、结婚证和出生医学证明信息，线上办理时按提示拍照上传即可。",
            ),
            (
                "户口登记可以选择落户地址吗？",
                "可以。新生儿可随父或随母登记户口，申请时在系统中选择落户地址，由户籍所在地派出所审核。",
            ),
            (
                "社保卡多久能拿到？",
                "审核通过后，社保卡一般在7个工作日内制作完成，可选择邮寄到家或到指定网点领取。",
            ),
            (
                "线上申请后如何查询办理进度？",
                "申请提交后，可在政务服务网“我的办件”或“城市通”手机客户端中实时查看办理进度，各环节办结后还会收到短信提醒。",
            ),
            (
                "父母双方都不方便办理，可以委托他人吗？",
                "可以。委托他人代办的，代办人需携带本人身份证件和授权委托书，到“一件事”综合窗口现场办理。",
            ),
            (
                "医保参保后多久可以享受待遇？",
                "新生儿在出生后90天内完成参保缴费的，自出生之日起即可享受医保待遇。",
            ),
            (
                "办理中遇到问题怎么办？",
                "可拨打政务服务热线咨询，也可到市政务服务中心“一件事”综合窗口现场办理。",
            ),
        ),
        tags=("政务服务", "一件事一次办", "办事指南"),
        priority=Priority.HIGH,
    ),
    Story(
        channel="services",
        by="editor",
        assignee="editor",
        plan=Plan(ProposalState.IN_PROGRESS, ArticleState.IN_REVIEW, level=3),
        title="公积金提取新增线上渠道 租房提取最快当天到账",
        angle="介绍新增的线上提取业务和办理条件。",
        place="市住房公积金管理中心",
        subject="公积金提取",
        org="市住房公积金管理中心",
        lead="{date}，市住房公积金管理中心宣布，租房提取、离职提取等6项公积金业务新增线上办理渠道。符合条件的职工通过手机客户端申请，审核通过后资金最快当天到账。",
        paragraphs=(
            "按照新规，职工在本市无自有住房且租赁住房的，可按月或按季提取公积金支付房租；离职后未重新就业满半年的，可申请提取账户余额。办理时需通过手机客户端完成实名认证并上传相关材料。",
        ),
        quote=(
            "市住房公积金管理中心工作人员",
            "线上渠道开通一周，已有两千多名职工通过手机办理了提取业务。",
        ),
        tags=("公积金", "办事指南"),
    ),
    Story(
        channel="services",
        by="liuyang",
        plan=Plan(None, ArticleState.APPROVED),
        title="不动产登记与水电气过户实现“一窗联办”",
        angle="二手房过户新变化。",
        place="市不动产登记中心",
        subject="不动产登记",
        org="市不动产登记中心",
        lead="{date}，记者从市不动产登记中心获悉，二手房交易登记与水、电、燃气、网络过户实现“一窗联办”，群众在登记窗口一次申请，即可同步办结相关过户手续。",
        paragraphs=(
            "过去，二手房交易完成后，买卖双方还需分别到供水、供电、燃气和通信营业厅办理过户，来回奔波。如今，不动产登记中心与各公用事业单位实现信息共享，群众只需在登记时勾选相关过户事项，后续手续由系统自动推送办理。",
        ),
        quote=("办理过户的市民周女士", "原来要跑好几个地方，这次在一个窗口就全办好了。"),
        tags=("不动产登记", "便民服务"),
    ),
    Story(
        channel="services",
        by="liuyang",
        plan=Plan(ProposalState.RETURNED),
        title="政务服务热线接听情况分析",
        angle="分析热线一季度接听数据，看群众最关心哪些问题。",
        reason="热线数据尚未公开发布，属于内部统计，暂不宜报道。",
        tags=("政务服务",),
    ),
    Story(
        channel="services",
        by="editor",
        plan=Plan(ProposalState.SELECTED),
        title="退休“一件事”办事指南",
        angle="梳理退休“一件事”联办的事项、渠道和材料，做成图文指南。",
        tags=("办事指南", "社保"),
    ),
    Story(
        channel="services",
        by="xuming",
        assignee="liuyang",
        plan=Plan(ProposalState.ASSIGNED, due_in=0),
        title="医保异地就医备案怎么办？一文说清",
        angle="解答异地就医备案的常见问题，附线上办理步骤。",
        tags=("医保", "办事指南"),
        priority=Priority.HIGH,
    ),
    Story(
        channel="services",
        by="liuyang",
        plan=Plan(None, ArticleState.DRAFT),
        title="企业开办全程网办 平均用时压缩至1个工作日",
        angle="企业开办提速。",
        place="高新区企业服务中心",
        subject="企业开办",
        org="市市场监督管理局",
        lead="{date}，记者从市市场监督管理局获悉，企业开办已实现营业执照、印章刻制、发票申领、社保登记等事项全程网办，平均用时压缩至1个工作日。",
        paragraphs=(
            "企业开办“一网通办”平台整合了市场监管、公安、税务、人社等部门的业务系统，申请人一次填报、一次提交，即可完成全部开办事项。新开办企业还可免费领取首套印章。",
        ),
        tags=("营商环境", "企业开办"),
    ),
)
