package org.tongban.engine.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tongban.engine.EngineTestApplication;
import org.tongban.engine.platform.InvalidInputException;

/** 通讯录 on the demo city: the tree from the province down to people, search, and group membership. */
@SpringBootTest(classes = EngineTestApplication.class)
class AddressBookIntegrationTests {

    @Autowired
    AddressBook addressBook;

    @Test
    void theTreeGoesFromTheProvinceThroughTheCityToAgenciesDepartmentsAndPeople() {
        List<DirectoryNode> roots = addressBook.tree();
        assertThat(roots).extracting(DirectoryNode::code).containsExactly("ZJ_GOV");
        assertThat(roots.get(0).level()).isEqualTo(AgencyLevel.PROVINCE);
        DirectoryNode city = child(roots.get(0), "HZ_GOV").orElseThrow();
        assertThat(city.level()).isEqualTo(AgencyLevel.CITY);
        DirectoryNode market = child(city, "HZ_SJ").orElseThrow();
        DirectoryNode food = child(market, "SJ_FOOD").orElseThrow();
        assertThat(food.kind()).isEqualTo(DirectoryNode.Kind.DEPARTMENT);
        assertThat(food.people()).extracting(Contact::displayName).contains("李强", "王芳", "𠮷哲", "赵敏", "孙伟");
        Contact sunwei = food.people().stream().filter(c -> c.username().equals("sunwei")).findFirst().orElseThrow();
        assertThat(sunwei.positions()).extracting(Contact.Post::departmentName).containsExactly("食品经营监管处", "登记注册处");
        assertThat(sunwei.positions()).extracting(Contact.Post::agencyName).containsOnly("杭州市市场监督管理局");
        // the demo city's 14 departments, the four agencies' 办公室 (documents) included
        assertThat(flatten(roots).filter(n -> n.kind() == DirectoryNode.Kind.DEPARTMENT)).hasSize(14);
    }

    @Test
    void searchFindsPeopleByNamePhoneDepartmentOrAgency() {
        assertThat(addressBook.search("李强")).extracting(Contact::username).containsExactly("liqiang");
        assertThat(addressBook.search("𠮷")).extracting(Contact::username).containsExactly("jizhe");
        assertThat(addressBook.search("13800000021")).extracting(Contact::username).containsExactly("zhouhao");
        assertThat(addressBook.search("防火监督")).extracting(Contact::username)
                .containsExactlyInAnyOrder("zhouhao", "wujun", "zhenggang");
        // 卫东 leads in both of his departments and is listed once; 办公室 has two people
        assertThat(addressBook.search("生态环境局")).hasSize(7);
        // LIKE wildcards in the query are plain characters
        assertThat(addressBook.search("%")).isEmpty();
        assertThat(addressBook.search("_")).isEmpty();
        assertThatThrownBy(() -> addressBook.search(" ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> addressBook.search("长".repeat(33))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aGroupIsADepartmentAndRoleOrAWholeDepartment() {
        assertThat(addressBook.members("SJ_FOOD:handler")).containsExactly("jizhe", "liqiang", "wangfang");
        assertThat(addressBook.members("SJ_FOOD")).containsExactly("jizhe", "liqiang", "sunwei", "wangfang", "zhaomin");
        assertThat(addressBook.members("NOWHERE:handler")).isEmpty();
    }

    private static Optional<DirectoryNode> child(DirectoryNode node, String code) {
        return node.children().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    private static Stream<DirectoryNode> flatten(List<DirectoryNode> nodes) {
        return nodes.stream().flatMap(n -> Stream.concat(Stream.of(n), flatten(n.children())));
    }
}
